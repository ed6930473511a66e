import { newIdempotencyKey } from '../http/client.js';
import { InvalidResponseError, isMppError, ProblemError, type MppError } from '../http/errors.js';
import { checkIdentity } from './identity.js';
import * as z from 'zod/mini';
import { DuplicateBookingProblem, type Availability, type ExistingTicket, type Ticket } from '../schemas/queue.js';
import { Store } from '../store.js';
import { todayIn } from '../time/zoned.js';
import type { QueueApi } from './api.js';

export type BookingStep = 'service' | 'date' | 'slot' | 'identity' | 'confirm' | 'ticket';
export const BOOKING_STEPS: readonly BookingStep[] = ['service', 'date', 'slot', 'identity', 'confirm', 'ticket'];

/** Everything the citizen typed or chose. Kept through errors, reloads and lost connections. */
export interface BookingDraft {
  serviceId: string | null;
  date: string | null;
  slotId: string | null;
  name: string;
  nik: string;
  phone: string;
  email: string;
  /** One key per attempt: a retried submit (after a timeout, a reload, going offline) cannot book twice. */
  idempotencyKey: string;
}

/** Where the draft survives a reload: the elements use the tab's sessionStorage (gone when the tab closes). */
export interface DraftStorage {
  load(key: string): BookingDraft | null | undefined;
  save(key: string, draft: BookingDraft): void;
  clear(key: string): void;
}

export type Field = 'name' | 'nik' | 'phone' | 'email' | 'slotId' | 'date';

export interface BookingFlowState {
  step: BookingStep;
  draft: BookingDraft;
  availability: Availability | null;
  availabilityStatus: 'idle' | 'loading' | 'ready' | 'error';
  submitting: boolean;
  /** Field → stable error code (`nik_birth_date`, `phone_not_mobile`, `slot_full`, …). */
  fieldErrors: Partial<Record<Field, string>>;
  /** Field → warning code that does not block (`nik_unknown_regency`). */
  warnings: Partial<Record<Field, string>>;
  error: MppError | null;
  ticket: Ticket | null;
  /**
   * The server refused the booking because the NIK already has a ticket for this service on that
   * date (`duplicate_booking`). `existing` is that ticket when the phone typed is the one it was
   * booked with, else null (the server only says one exists). Cleared by choosing another date,
   * time or service; everything typed stays.
   */
  duplicate: { existing: ExistingTicket | null } | null;
}

export interface BookingFlowOptions {
  serviceId?: string | null;
  storage?: DraftStorage;
  storageKey?: string;
  now?: () => Date;
  /** Office time zone for NIK century checks before availability is known. */
  timeZone?: string;
}

const emptyDraft = (serviceId: string | null = null): BookingDraft => ({
  serviceId,
  date: null,
  slotId: null,
  name: '',
  nik: '',
  phone: '',
  email: '',
  idempotencyKey: newIdempotencyKey(),
});

const STEP_OF_FIELD: Record<string, BookingStep> = {
  slotId: 'slot',
  date: 'date',
  name: 'identity',
  nik: 'identity',
  phone: 'identity',
  email: 'identity',
};

/** The booking flow: service → date → slot → identity → confirm → ticket, framework-free. */
export class BookingFlow extends Store<BookingFlowState> {
  readonly #key: string;
  #abort: AbortController | null = null;

  constructor(
    private readonly api: QueueApi,
    private readonly options: BookingFlowOptions = {},
  ) {
    const key = options.storageKey ?? 'mpp-kit:booking-draft';
    const saved = safe(() => options.storage?.load(key)) ?? null;
    const serviceId = options.serviceId ?? null;
    const draft = saved && (!serviceId || saved.serviceId === serviceId) ? { ...emptyDraft(serviceId), ...saved } : emptyDraft(serviceId);
    super({
      step: stepFor(draft),
      draft,
      availability: null,
      availabilityStatus: 'idle',
      submitting: false,
      fieldErrors: {},
      warnings: {},
      error: null,
      ticket: null,
      duplicate: null,
    });
    this.#key = key;
  }

  #save(draft: BookingDraft): void {
    safe(() => this.options.storage?.save(this.#key, draft));
  }

  #patchDraft(patch: Partial<BookingDraft>, state: Partial<BookingFlowState> = {}): void {
    const draft = { ...this.getSnapshot().draft, ...patch };
    this.set({ ...state, draft });
    this.#save(draft);
  }

  /**
   * Chooses (or changes) the service; the rest of the draft's choices reset, the identity stays.
   * Choosing the service already loaded goes back to its dates and keeps the choices.
   */
  setService(serviceId: string): void {
    const s = this.getSnapshot();
    if (s.draft.serviceId === serviceId && s.availability) return this.set({ step: 'date', error: null, duplicate: null });
    this.#patchDraft(
      { serviceId, date: null, slotId: null },
      { step: 'date', availability: null, availabilityStatus: 'idle', error: null, ticket: null, duplicate: null },
    );
    void this.loadAvailability();
  }

  async loadAvailability(): Promise<void> {
    const { serviceId } = this.getSnapshot().draft;
    if (!serviceId) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.set({ availabilityStatus: 'loading', error: null });
    try {
      const availability = await this.api.availability(serviceId, { days: 14 }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const { date, slotId } = this.getSnapshot().draft;
      const day = availability.days.find((d) => d.date === date);
      // A remembered choice that is no longer bookable is dropped, with its reason shown.
      const slotGone = slotId && !day?.slots.some((x) => x.id === slotId && x.remaining > 0);
      const dateGone = date && day?.status !== 'open';
      this.set({ availability, availabilityStatus: 'ready' });
      if (dateGone) this.#patchDraft({ date: null, slotId: null }, { step: 'date' });
      else if (slotGone) this.#patchDraft({ slotId: null }, { step: this.getSnapshot().step === 'ticket' ? 'ticket' : 'slot' });
    } catch (e) {
      if (abort.signal.aborted) return;
      this.set({ availabilityStatus: 'error', error: toError(e) });
    }
  }

  chooseDate(date: string): void {
    const day = this.getSnapshot().availability?.days.find((d) => d.date === date);
    if (!day || day.status !== 'open') return;
    this.#patchDraft({ date, slotId: null }, { step: 'slot', fieldErrors: {}, duplicate: null });
  }

  chooseSlot(slotId: string): void {
    const s = this.getSnapshot();
    const slot = s.availability?.days.find((d) => d.date === s.draft.date)?.slots.find((x) => x.id === slotId);
    if (!slot || slot.remaining <= 0) return;
    this.#patchDraft({ slotId }, { step: 'identity', fieldErrors: {}, error: null, duplicate: null });
  }

  setField(field: 'name' | 'nik' | 'phone' | 'email', value: string): void {
    const { [field]: _drop, ...rest } = this.getSnapshot().fieldErrors;
    this.#patchDraft({ [field]: value } as Partial<BookingDraft>, { fieldErrors: rest });
  }

  /** Checks the identity fields with the same rules as the server; moves to confirm when all pass. */
  confirmIdentity(): boolean {
    const { draft } = this.getSnapshot();
    const today = todayIn(
      this.getSnapshot().availability?.timeZone ?? this.options.timeZone ?? 'Asia/Jakarta',
      (this.options.now ?? (() => new Date()))(),
    );
    const check = checkIdentity(draft, today);
    this.set({ fieldErrors: check.ok ? {} : check.errors, warnings: check.warnings, step: check.ok ? 'confirm' : 'identity' });
    return check.ok;
  }

  /** Submits the booking. On failure the draft stays; a retry reuses the same Idempotency-Key. */
  async submit(): Promise<Ticket | null> {
    const s = this.getSnapshot();
    const d = s.draft;
    if (s.submitting || !d.serviceId || !d.slotId) return null;
    this.set({ submitting: true, error: null, duplicate: null });
    try {
      const ticket = await this.api.book(
        { serviceId: d.serviceId, slotId: d.slotId, name: d.name.trim(), nik: d.nik, phone: d.phone, email: d.email.trim() || null },
        { idempotencyKey: d.idempotencyKey },
      );
      safe(() => this.options.storage?.clear(this.#key));
      this.set({ submitting: false, ticket, step: 'ticket', fieldErrors: {} });
      return ticket;
    } catch (e) {
      const error = toError(e);
      const patch: Partial<BookingFlowState> = { submitting: false, error };
      if (error instanceof ProblemError && error.code === 'duplicate_booking') {
        // Nothing typed is wrong: the NIK already holds a ticket that day. Stay on the confirmation
        // with that ticket (when the server names it) and the ways out: another date or service.
        const extra = z.safeParse(DuplicateBookingProblem, error.problem);
        const existing = extra.success ? (extra.data.existing ?? null) : null;
        this.#patchDraft({ idempotencyKey: newIdempotencyKey() }, { ...patch, step: 'confirm', fieldErrors: {}, duplicate: { existing } });
      } else if (error instanceof ProblemError) {
        // The server refused this attempt for good: a corrected submit is a new attempt.
        const fieldErrors = error.fieldErrors() as BookingFlowState['fieldErrors'];
        const first =
          error.errors[0]?.path ??
          (error.code.startsWith('nik') ? 'nik' : error.code.startsWith('phone') ? 'phone' : error.code === 'slot_full' ? 'slotId' : '');
        if (!Object.keys(fieldErrors).length && first) (fieldErrors as Record<string, string>)[first] = error.code;
        patch.fieldErrors = fieldErrors;
        patch.step = STEP_OF_FIELD[first] ?? (error.code.startsWith('date') ? 'date' : 'confirm');
        const draftPatch: Partial<BookingDraft> = { idempotencyKey: newIdempotencyKey() };
        if (error.code === 'slot_full' || error.code.startsWith('date')) {
          draftPatch.slotId = null;
          void this.loadAvailability();
        }
        this.#patchDraft(draftPatch, patch);
      } else {
        this.set(patch);
      }
      return null;
    }
  }

  /** One step back, keeping everything typed. */
  back(): void {
    const order = BOOKING_STEPS;
    const i = order.indexOf(this.getSnapshot().step);
    if (i > 0 && this.getSnapshot().step !== 'ticket') this.set({ step: order[i - 1]!, error: null });
  }

  goTo(step: BookingStep): void {
    const allowed = BOOKING_STEPS.indexOf(step) <= BOOKING_STEPS.indexOf(stepFor(this.getSnapshot().draft));
    if (allowed && step !== 'ticket') this.set({ step, error: null });
  }

  /** Starts a new booking (after a ticket), keeping the service. */
  reset(): void {
    const d = emptyDraft(this.getSnapshot().draft.serviceId);
    this.set({
      draft: d,
      step: d.serviceId ? 'date' : 'service',
      ticket: null,
      error: null,
      fieldErrors: {},
      warnings: {},
      duplicate: null,
    });
    this.#save(d);
    void this.loadAvailability();
  }

  dispose(): void {
    this.#abort?.abort();
  }
}

function stepFor(d: BookingDraft): BookingStep {
  if (!d.serviceId) return 'service';
  if (!d.date) return 'date';
  if (!d.slotId) return 'slot';
  return 'identity';
}

const toError = (e: unknown): MppError => (isMppError(e) ? e : new InvalidResponseError(String(e), undefined, e));

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
