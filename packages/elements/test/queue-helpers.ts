import { createClient, type Availability, type AvailabilityDay, type MppClient, type Slot, type Ticket } from '@mpp-kit/core';
// @ts-expect-error virtual module served by the test server plugin
import * as env from '/__mpp-test-env.js';
import type { MppQueueBooking } from '../src/mpp-queue-booking/mpp-queue-booking.js';
import type { MppQueueTicket } from '../src/mpp-queue-ticket/mpp-queue-ticket.js';
import { $, $$, typeInto, until } from './helpers.js';

const testEnv = env as Record<string, unknown>;
export const API = testEnv.API as string;
export const PROXY_API = testEnv.PROXY_API as string;
export const DEAD_API = testEnv.DEAD_API as string;
/**
 * Staff bearer token with the admin role, if the test config exports one (`ADMIN_TOKEN`, the
 * server started with `MPP_ADMIN_TOKEN`). Without it the staff steps of the tests are skipped.
 */
export const ADMIN_TOKEN = typeof testEnv.ADMIN_TOKEN === 'string' && testEnv.ADMIN_TOKEN ? testEnv.ADMIN_TOKEN : null;

export const api: MppClient = createClient({ baseUrl: API, timeout: 15_000 });

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** A valid, unique Kota Bogor NIK: 3271 + district 01–30 + born 01-01-1990 (man) + serial ≠ 0000. */
export function randomNik(): string {
  const district = String(1 + Math.floor(Math.random() * 30)).padStart(2, '0');
  const serial = String(1 + Math.floor(Math.random() * 9999)).padStart(4, '0');
  return `3271${district}010190${serial}`;
}

export const randomPhone = () => `0812${digits(8)}`;

export interface OpenDay {
  availability: Availability;
  day: AvailabilityDay;
  /** The last slot of the day that still has room (late slots stay bookable whatever the server clock). */
  last: Slot;
  /** The first slot of the day that still has room. */
  first: Slot;
}

/** The first date that can be booked for a service, from the real API. */
export async function firstOpenDay(serviceId: string): Promise<OpenDay> {
  const availability = await api.queue.availability(serviceId, { days: 14 });
  const day = availability.days.find((d) => d.status === 'open' && d.slots.some((s) => s.remaining > 0));
  if (!day) throw new Error(`no open date for ${serviceId}`);
  const open = day.slots.filter((s) => s.remaining > 0);
  return { availability, day, last: open[open.length - 1]!, first: open[0]! };
}

export async function slotRemaining(serviceId: string, slotId: string): Promise<number> {
  const date = slotId.split('@')[1]!.slice(0, 10);
  const a = await api.queue.availability(serviceId, { from: date, days: 1 });
  return a.days[0]!.slots.find((s) => s.id === slotId)?.remaining ?? -1;
}

/** Books a ticket directly through the API (another citizen). */
export const bookDirect = (serviceId: string, slotId: string, nik = randomNik(), phone = randomPhone()): Promise<Ticket> =>
  api.queue.book({ serviceId, slotId, name: 'Warga Uji', nik, phone });

export const staffClient = (token: string) => createClient({ baseUrl: API, headers: { authorization: `Bearer ${token}` } });

// ---- driving <mpp-queue-booking> ----

export const stepOf = (el: MppQueueBooking) => el.flow?.getSnapshot().step;
export const headingText = (el: Element) => $(el, '#step-title')?.textContent?.trim() ?? '';

export async function settle(el: { updateComplete: Promise<boolean> }): Promise<void> {
  await el.updateComplete;
  await el.updateComplete;
}

export async function servicesReady(el: MppQueueBooking): Promise<void> {
  await until(() => $$(el, '[part="service"]').length > 0, 'service list');
}

export async function datesReady(el: MppQueueBooking): Promise<void> {
  await until(() => el.flow?.getSnapshot().availabilityStatus === 'ready' && $$(el, '[data-date]').length > 0, 'dates');
}

export async function chooseService(el: MppQueueBooking, serviceId: string): Promise<void> {
  await servicesReady(el);
  typeInto($<HTMLInputElement>(el, '#svc-q')!, serviceId.replace(/-/g, ' '));
  await settle(el);
  let btn = $(el, `[data-service="${serviceId}"]`);
  if (!btn) {
    typeInto($<HTMLInputElement>(el, '#svc-q')!, '');
    await settle(el);
    $<HTMLButtonElement>(el, '[part="services"] + .actions button')?.click();
    await settle(el);
    btn = $(el, `[data-service="${serviceId}"]`);
  }
  if (!btn) throw new Error(`service ${serviceId} not offered`);
  btn.click();
  await settle(el);
  await datesReady(el);
}

export async function chooseDate(el: MppQueueBooking, date: string): Promise<void> {
  await datesReady(el);
  $<HTMLButtonElement>(el, `[data-date="${date}"]`)!.click();
  await settle(el);
  await until(() => $(el, '[data-slot]'), 'slots');
}

export async function chooseSlot(el: MppQueueBooking, slotId: string): Promise<void> {
  $<HTMLButtonElement>(el, `[data-slot="${CSS.escape(slotId)}"]`)!.click();
  await settle(el);
  await until(() => $(el, '#f-name'), 'identity form');
}

export interface Identity {
  name: string;
  nik: string;
  phone: string;
  email?: string;
}

export async function fillIdentity(el: MppQueueBooking, who: Identity): Promise<void> {
  typeInto($<HTMLInputElement>(el, '#f-name')!, who.name);
  typeInto($<HTMLInputElement>(el, '#f-nik')!, who.nik);
  typeInto($<HTMLInputElement>(el, '#f-phone')!, who.phone);
  typeInto($<HTMLInputElement>(el, '#f-email')!, who.email ?? '');
  await settle(el);
}

export async function next(el: MppQueueBooking): Promise<void> {
  $<HTMLButtonElement>(el, '[data-action="next"]')!.click();
  await settle(el);
}

export async function submit(el: MppQueueBooking): Promise<void> {
  $<HTMLButtonElement>(el, '[data-action="submit"]')!.click();
  await settle(el);
}

/** The `<mpp-queue-ticket>` inside the booking widget, once the ticket step shows. */
export async function embeddedTicket(el: MppQueueBooking): Promise<MppQueueTicket> {
  const t = await until(() => $<MppQueueTicket>(el, 'mpp-queue-ticket'), 'ticket step', 20_000);
  await t.updateComplete;
  return t;
}

export const value = (el: Element, id: string) => $<HTMLInputElement>(el, id)!.value;
