import type { AvailabilityDay } from '@mpp-kit/core';
import type { Clock } from '../../context.js';
import type { ServiceRules } from '../rules-cache.js';

/** How long a `slot_full` answer of the database is reused. */
const FULL_SLOT_MEMO_MS = 1000;

/**
 * Slots the database answered `slot_full` for, until when that answer is reused. When a quota
 * opens, thousands of citizens press "book" on the same few slots; once a slot is full, every
 * further attempt would cost a database round trip to learn the same thing. A place freed by a
 * cancellation in this instance clears the memo at once; one freed through another instance is
 * offered again after at most FULL_SLOT_MEMO_MS (availability shows it at once).
 */
export class FullSlots {
  readonly #until = new Map<string, number>();
  constructor(private readonly clock: Clock) {}

  has(slotId: string): boolean {
    return (this.#until.get(slotId) ?? 0) > this.clock.now().getTime();
  }
  add(slotId: string): void {
    const now = this.clock.now().getTime();
    if (this.#until.size > 10_000) for (const [id, until] of this.#until) if (until <= now) this.#until.delete(id);
    this.#until.set(slotId, now + FULL_SLOT_MEMO_MS);
  }
  delete(slotId: string): void {
    this.#until.delete(slotId);
  }
}

/**
 * The bookable slots of a date ignoring capacity, per rules version and clock minute: every rule
 * that depends on the clock (past, release time, cutoff) moves in whole minutes, and a burst of
 * bookings asks the same question thousands of times a minute.
 */
export class OpenDays {
  readonly #days = new WeakMap<ServiceRules, Map<string, AvailabilityDay>>();
  constructor(private readonly compute: (rules: ServiceRules, date: string, now: Date) => AvailabilityDay) {}

  get(rules: ServiceRules, date: string, now: Date): AvailabilityDay {
    let days = this.#days.get(rules);
    if (!days) this.#days.set(rules, (days = new Map()));
    const key = `${date}|${Math.floor(now.getTime() / 60_000)}`;
    let day = days.get(key);
    if (!day) {
      if (days.size > 256) days.clear();
      days.set(key, (day = this.compute(rules, date, now)));
    }
    return day;
  }
}
