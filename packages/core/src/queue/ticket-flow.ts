import { isMppError } from '../http/errors.js';
import type { Availability, BookingStatus, QueueState, Ticket, TicketPosition } from '../schemas/queue.js';
import { Store } from '../store.js';
import { todayIn } from '../time/zoned.js';
import type { QueueApi } from './api.js';
import { canReschedule, isBookingCode, isWaiting, normalizeBookingCode } from './ticket-rules.js';
import { QueueWatcher, type EventSourceFactory, type QueueWatchState } from './watcher.js';

/** What the ticket flow was doing when it failed. */
export type TicketAction = 'load' | 'reveal' | 'cancel' | 'availability' | 'reschedule';

/** A failure as data: which step failed and its stable code (`booking_not_found`, `phone_mismatch`, `network`, …). */
export interface TicketFlowError {
  readonly action: TicketAction;
  readonly code: string;
}

/**
 * Where the ticket stands, for what the citizen sees first: still `waiting`; `called` to a counter
 * now; or over — `served`, `no_show`, `cancelled`, or `expired` (its date has passed in the
 * office's time zone while it still waited).
 */
export type TicketPhase = 'waiting' | 'called' | 'served' | 'no_show' | 'cancelled' | 'expired';

/** `view`: the ticket; `cancel`: asking "really cancel?"; `reschedule`: choosing another date and time. */
export type TicketMode = 'view' | 'cancel' | 'reschedule';

export interface RescheduleState {
  status: 'loading' | 'ready' | 'error';
  availability: Availability | null;
  /** The booked date is today or past (by the server's today): it can no longer move. */
  tooLate: boolean;
  date: string | null;
  slotId: string | null;
}

export interface TicketFlowState {
  /** The booking code followed (`7KQ2-M9XA`), or null before one is known. */
  code: string | null;
  /** Loading the public position by code; `ready` as soon as a full ticket is shown. */
  loadStatus: 'idle' | 'loading' | 'ready' | 'error';
  /** The public position (no personal data), when the flow started from a code. */
  position: TicketPosition | null;
  /** The full ticket: given, or revealed with the phone number. */
  ticket: Ticket | null;
  /** The phone number of the booking is known (given or checked by the server): the ticket can be managed. */
  hasPhone: boolean;
  mode: TicketMode;
  /** A reveal, cancel or reschedule request is on its way. */
  busy: boolean;
  error: TicketFlowError | null;
  reschedule: RescheduleState | null;
  /** The last change the citizen made, for a confirmation (`rescheduled`) until the next one. */
  lastAction: 'cancelled' | 'rescheduled' | null;
  /** The live queue, while the ticket waits (SSE or polling through a `QueueWatcher`). */
  live: QueueWatchState | null;
  /** The ticket's status as best known: a final status of the ticket, else what the live queue says. */
  status: BookingStatus | null;
  /** Tickets ahead and the wait estimate, live when the queue is known, else from the position. */
  ahead: number | null;
  estimatedWaitMinutes: number | null;
  /** The queue state shown: live, else the one that came with the position. */
  queue: QueueState | null;
  /** The ticket's queue number (`B-005`), from the ticket or its position. */
  queueNumber: string | null;
  /** Where the ticket stands (see `TicketPhase`); null before a ticket is known. */
  phase: TicketPhase | null;
  /** The ticket is over (served, no-show, cancelled, expired): its outcome is said first, with no QR and nothing to manage. */
  over: boolean;
  /** The counter the ticket is called to (`Loket 3`) while `phase` is `called`; else null. */
  counter: string | null;
  /**
   * How many times the live queue called this ticket while it was followed (a call, or a recall to
   * another counter): a view plays its sound or vibration when this grows. A ticket opened when
   * already called does not count: nothing happened while the citizen watched.
   */
  calls: number;
}

export interface TicketFlowOptions {
  /** EventSource constructor for the live position; default the global one (see `QueueWatcherOptions`). */
  eventSource?: EventSourceFactory | null;
  /** Polling interval of the live position when SSE is blocked (ms). */
  pollMs?: number;
  now?: () => Date;
  /** Days of availability offered when rescheduling. Default 14. */
  rescheduleDays?: number;
}

type Base = Omit<TicketFlowState, 'status' | 'ahead' | 'estimatedWaitMinutes' | 'queue' | 'queueNumber' | 'phase' | 'over' | 'counter'>;

const INITIAL: Base = {
  code: null,
  loadStatus: 'idle',
  position: null,
  ticket: null,
  hasPhone: false,
  mode: 'view',
  busy: false,
  error: null,
  reschedule: null,
  lastAction: null,
  live: null,
  calls: 0,
};

const codeOf = (e: unknown): string => (isMppError(e) ? e.code : 'invalid_response');

/**
 * A citizen's ticket, framework-free: load it by booking code (the public position, no personal
 * data), reveal the details with the booking's phone number, follow the live position, cancel, or
 * move it to another date and time. The phone number stays inside the flow: it is never in a snapshot.
 */
export class TicketFlow extends Store<TicketFlowState> {
  #phone: string | null = null;
  #watcher: QueueWatcher | null = null;
  #unwatch: (() => void) | null = null;
  #watchKey: string | null = null;
  #stopped = false;
  /** Bumped by every load/show: answers for an earlier ticket are dropped. */
  #generation = 0;

  constructor(
    private readonly api: QueueApi,
    private readonly options: TicketFlowOptions = {},
  ) {
    super(derive(INITIAL, today(options)));
  }

  #patch(patch: Partial<Base>): void {
    this.set(derive({ ...this.getSnapshot(), ...patch }, today(this.options)));
  }

  /** A live update: counts a call (or a recall to another counter) that happened while followed. */
  #onLive(live: QueueWatchState): void {
    const before = this.getSnapshot();
    const after = derive({ ...before, live }, today(this.options));
    const called = after.phase === 'called' && (before.phase !== 'called' || before.counter !== after.counter);
    this.#patch({ live, calls: before.calls + (called ? 1 : 0) });
  }

  /** Shows a full ticket (e.g. just booked); `phone`, when the page has it, allows managing it without asking. */
  show(ticket: Ticket, phone?: string | null): void {
    this.#generation++;
    const same = this.getSnapshot().code === ticket.code;
    if (phone !== undefined) this.#phone = phone || null;
    else if (!same) this.#phone = null;
    this.#patch({
      ...INITIAL,
      code: ticket.code,
      loadStatus: 'ready',
      ticket,
      position: same ? this.getSnapshot().position : null,
      hasPhone: !!this.#phone,
      live: same ? this.getSnapshot().live : null,
      calls: same ? this.getSnapshot().calls : 0,
    });
    this.#follow();
  }

  /** The phone number of the booking, if the page knows it (null forgets it). */
  setPhone(phone: string | null): void {
    this.#phone = phone || null;
    if (this.getSnapshot().hasPhone !== !!this.#phone) this.#patch({ hasPhone: !!this.#phone });
  }

  /**
   * Loads a ticket by booking code as typed (`7kq2 m9xa`): its public position. A code that is
   * not one (wrong length, look-alike characters) fails as `booking_not_found` without a request.
   */
  async load(input: string): Promise<void> {
    const gen = ++this.#generation;
    const code = normalizeBookingCode(input);
    this.#phone = null;
    this.#stopWatching();
    if (!isBookingCode(code)) {
      this.#patch({ ...INITIAL, code, loadStatus: 'error', error: { action: 'load', code: 'booking_not_found' } });
      return;
    }
    this.#patch({ ...INITIAL, code, loadStatus: 'loading' });
    try {
      const position = await this.api.position(code);
      if (gen !== this.#generation) return;
      this.#patch({ position, loadStatus: 'ready' });
      this.#follow();
    } catch (e) {
      if (gen !== this.#generation) return;
      const c = codeOf(e);
      // A code the server does not accept in a path never reaches a booking: it is simply not found.
      this.#patch({
        loadStatus: 'error',
        error: { action: 'load', code: c === 'validation_failed' || c === 'route_not_found' ? 'booking_not_found' : c },
      });
    }
  }

  /** Loads the same code again (after a network error). */
  retry(): Promise<void> {
    const { code, ticket } = this.getSnapshot();
    if (!ticket) return code ? this.load(code) : Promise.resolve();
    this.show(ticket);
    return Promise.resolve();
  }

  /** Shows the full ticket once the server confirms the booking's phone number. */
  async reveal(phone: string): Promise<Ticket | null> {
    const { code, busy } = this.getSnapshot();
    if (!code || busy) return null;
    const gen = this.#generation;
    this.#patch({ busy: true, error: null });
    try {
      const ticket = await this.api.lookup(code, phone);
      if (gen !== this.#generation) return null;
      this.#phone = phone;
      this.#patch({ busy: false, ticket, hasPhone: true, loadStatus: 'ready' });
      this.#follow();
      return ticket;
    } catch (e) {
      if (gen === this.#generation) this.#patch({ busy: false, error: { action: 'reveal', code: codeOf(e) } });
      return null;
    }
  }

  /** Asks "really cancel?" first: nothing is sent yet. */
  askCancel(): void {
    if (this.#manageable()) this.#patch({ mode: 'cancel', error: null });
  }

  /** Back to the ticket from the cancel question or the reschedule view. */
  closeManage(): void {
    this.#patch({ mode: 'view', error: null, reschedule: null });
  }

  /** Cancels the ticket (its slot is free again at once). Answers the cancelled ticket, or null on failure. */
  async cancel(): Promise<Ticket | null> {
    const s = this.getSnapshot();
    if (!s.ticket || !this.#phone || s.busy) return null;
    const gen = this.#generation;
    this.#patch({ busy: true, error: null });
    try {
      const ticket = await this.api.cancel(s.ticket.code, this.#phone);
      if (gen !== this.#generation) return null;
      this.#patch({ busy: false, ticket, mode: 'view', lastAction: 'cancelled', reschedule: null });
      this.#follow();
      return ticket;
    } catch (e) {
      if (gen === this.#generation) this.#patch({ busy: false, error: { action: 'cancel', code: codeOf(e) } });
      return null;
    }
  }

  /** Opens the reschedule view and loads the service's dates (the cut-off is decided by the server's today). */
  async openReschedule(): Promise<void> {
    const s = this.getSnapshot();
    if (!s.ticket || s.status !== 'booked') return;
    this.#patch({ mode: 'reschedule', error: null, lastAction: null, reschedule: { ...EMPTY_RESCHEDULE } });
    await this.#loadDates(null);
  }

  async #loadDates(date: string | null): Promise<void> {
    const ticket = this.getSnapshot().ticket!;
    try {
      const availability = await this.api.availability(ticket.serviceId, { days: this.options.rescheduleDays ?? 14 });
      if (this.getSnapshot().mode !== 'reschedule') return;
      const tooLate = !canReschedule(ticket.date, availability.today);
      this.#patch({ reschedule: { status: 'ready', availability, tooLate, date, slotId: null } });
    } catch (e) {
      if (this.getSnapshot().mode !== 'reschedule') return;
      this.#patch({ reschedule: { ...EMPTY_RESCHEDULE, status: 'error' }, error: { action: 'availability', code: codeOf(e) } });
    }
  }

  /** Chooses the new date (an open one). */
  chooseDate(date: string): void {
    const rs = this.getSnapshot().reschedule;
    if (rs?.availability?.days.find((d) => d.date === date)?.status === 'open') this.#patch({ reschedule: { ...rs, date, slotId: null } });
  }

  /** Chooses the new time (a slot of the chosen date with room). */
  chooseSlot(slotId: string): void {
    const rs = this.getSnapshot().reschedule;
    const day = rs?.availability?.days.find((d) => d.date === rs.date);
    if (rs && day?.slots.some((x) => x.id === slotId && x.remaining > 0)) this.#patch({ reschedule: { ...rs, slotId } });
  }

  /** Moves the ticket to the chosen slot. A slot that filled up meanwhile reloads the dates, keeping the date. */
  async saveReschedule(): Promise<Ticket | null> {
    const s = this.getSnapshot();
    const slotId = s.reschedule?.slotId;
    if (!s.ticket || !this.#phone || !slotId || s.busy) return null;
    const gen = this.#generation;
    this.#patch({ busy: true, error: null });
    try {
      const ticket = await this.api.reschedule(s.ticket.code, this.#phone, slotId);
      if (gen !== this.#generation) return null;
      this.#patch({ busy: false, ticket, mode: 'view', reschedule: null, lastAction: 'rescheduled' });
      this.#follow();
      return ticket;
    } catch (e) {
      if (gen !== this.#generation) return null;
      const code = codeOf(e);
      this.#patch({ busy: false, error: { action: 'reschedule', code } });
      if (code === 'slot_full' && s.reschedule) void this.#loadDates(s.reschedule.date);
      return null;
    }
  }

  /** Stops the live position (e.g. the widget left the page); `start` resumes it. */
  stop(): void {
    this.#stopped = true;
    this.#stopWatching();
  }

  /** Resumes the live position after `stop`. */
  start(): void {
    this.#stopped = false;
    this.#follow();
  }

  dispose(): void {
    this.#generation++;
    this.stop();
  }

  #manageable(): boolean {
    const s = this.getSnapshot();
    return !!s.ticket && s.hasPhone && isWaiting(s.status);
  }

  /** Watches the queue while the ticket waits; follows it to another queue day after a reschedule. */
  #follow(): void {
    const { ticket, position } = this.getSnapshot();
    const target = ticket
      ? {
          queueId: ticket.queueId,
          date: ticket.date,
          code: ticket.code,
          number: ticket.number,
          startsAt: ticket.slot.startsAt,
          status: ticket.status,
        }
      : position
        ? {
            queueId: position.queue.queueId,
            date: position.queue.date,
            code: position.code,
            number: position.number,
            startsAt: position.slotStartsAt,
            status: position.status,
          }
        : null;
    // An expired ticket (its day has passed) has no queue left to follow.
    const expired = this.getSnapshot().phase === 'expired';
    if (!target || !isWaiting(target.status) || expired || this.#stopped) {
      this.#stopWatching();
      if (!this.#stopped) this.#patch({ live: null });
      return;
    }
    const key = `${target.queueId}|${target.date}|${target.code}|${target.number}|${target.startsAt}`;
    if (key === this.#watchKey) return;
    this.#stopWatching();
    const { code, number, startsAt } = target;
    const watcher = new QueueWatcher(this.api, {
      queueId: target.queueId,
      date: target.date,
      ticket: { code, number, startsAt },
      eventSource: this.options.eventSource,
      pollMs: this.options.pollMs,
      now: this.options.now,
    });
    this.#watcher = watcher;
    this.#watchKey = key;
    this.#unwatch = watcher.subscribe((live) => this.#onLive(live));
    this.#patch({ live: watcher.getSnapshot() });
    watcher.start();
  }

  #stopWatching(): void {
    this.#unwatch?.();
    this.#watcher?.stop();
    this.#unwatch = this.#watcher = this.#watchKey = null;
  }
}

const EMPTY_RESCHEDULE: RescheduleState = { status: 'loading', availability: null, tooLate: false, date: null, slotId: null };

/** The office's today in a time zone, by the flow's clock (`derive` asks it for the ticket's zone). */
const today =
  (o: TicketFlowOptions) =>
  (timeZone: string): string =>
    todayIn(timeZone, (o.now ?? (() => new Date()))());

/** The figures shown, from the ticket (or position) and the live queue. */
function derive(s: Base, todayOf: (timeZone: string) => string): TicketFlowState {
  const base = s.ticket ?? s.position;
  const live = s.live?.queue ? s.live : null;
  // The live queue knows when the ticket left the waiting list (called, served…); while it waits the
  // ticket's own status (`checked_in` or `booked`) is the precise one.
  const status =
    base && isWaiting(base.status) && live?.ticketStatus && !isWaiting(live.ticketStatus) ? live.ticketStatus : (base?.status ?? null);
  const phase: TicketPhase | null = !base
    ? null
    : isWaiting(status)
      ? base.date < todayOf(base.timeZone)
        ? 'expired'
        : 'waiting'
      : (status as Exclude<BookingStatus, 'booked' | 'checked_in'>);
  const counter = phase === 'called' ? (live?.ticketCounter ?? s.position?.counter ?? null) : null;
  return {
    ...s,
    status,
    ahead: live ? live.ahead : (s.position?.ahead ?? null),
    estimatedWaitMinutes: live ? live.estimatedWaitMinutes : (s.position?.estimatedWaitMinutes ?? null),
    queue: live?.queue ?? s.position?.queue ?? null,
    queueNumber: base?.queueNumber ?? null,
    phase,
    over: phase !== null && phase !== 'waiting' && phase !== 'called',
    counter,
  };
}
