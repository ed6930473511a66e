import type { QueueRules } from '@mpp-kit/core';

/**
 * The default queue rules of an online service, from its daily quota: 30-minute slots; 60 % of the
 * quota online (spread over `slotsPerDay` slots, at least 1 a slot), 30 % walk-in, 10 % priority
 * (elderly, disabled, pregnant); bookable 14 days ahead, each date opening at 07:00; booking closes
 * 30 minutes before a slot. Integer arithmetic, rounding halves up.
 */
export const defaultQueueRules = (dailyQuota: number, slotsPerDay = 10): QueueRules => ({
  slotMinutes: 30,
  slotCapacity: Math.max(1, Math.round((dailyQuota * 6) / (10 * slotsPerDay))),
  walkInQuota: Math.round((dailyQuota * 3) / 10),
  priorityQuota: Math.round(dailyQuota / 10),
  bookingDaysAhead: 14,
  releaseMinutes: 420,
  cutoffMinutes: 30,
});
