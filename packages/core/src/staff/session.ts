/**
 * A staff member's session in a staff widget or app: signs in with e-mail and password, keeps the
 * two tokens in memory only (never in storage a script or another tab can read), adds the access
 * token to every staff request, refreshes it shortly before it expires (by the injected clock) or
 * once when the server answers 401 `token_expired`, retrying that request once, and signs out.
 *
 * Concurrent requests that all find the token expired share one refresh: a refresh token works
 * once, and presenting a rotated one again would end the session on the server.
 */
import * as z from 'zod/mini';
import { createHttp, type Conditional, type Http, type HttpOptions, type RequestOptions } from '../http/client.js';
import { InvalidResponseError, ProblemError } from '../http/errors.js';
import { StaffMe, StaffTokens, type StaffAccountView, type StaffAuthReason } from '../schemas/staff.js';
import { Store } from '../store.js';

export type StaffSessionStatus = 'signed_out' | 'signing_in' | 'signed_in';

export interface StaffSessionState {
  status: StaffSessionStatus;
  account: StaffAccountView | null;
  /** When the access token expires (ms since the epoch, by the session's clock), or null. */
  accessExpiresAt: number | null;
  /** When the session ends and a new sign-in is needed, or null. */
  sessionEndsAt: number | null;
  /**
   * Why the last session ended without `signOut()`: the server's reason (`session_ended` when a
   * refresh was refused, e.g. the shift's 12 h passed or the token was replayed), or null.
   */
  ended: StaffAuthReason | null;
}

export interface StaffSessionOptions extends Omit<HttpOptions, 'headers'> {
  /** Where "now" comes from (tests move it). Default `Date.now`. */
  now?: () => number;
  /** Refresh this many milliseconds before the access token expires. Default 30 000. */
  refreshAheadMs?: number;
}

/** The 401 `reason` of a problem, if it is one. */
const reasonOf = (e: unknown): string | null =>
  e instanceof ProblemError && e.status === 401 && typeof e.problem['reason'] === 'string' ? (e.problem['reason'] as string) : null;

interface Tokens {
  access: string;
  refresh: string;
}

/** A staff session over the SDK's one HTTP layer; `session.http` is an `Http` that signs every request. */
export class StaffSession extends Store<StaffSessionState> {
  readonly #base: Http;
  readonly #now: () => number;
  readonly #ahead: number;
  #tokens: Tokens | null = null;
  #refreshing: Promise<void> | null = null;
  /** An `Http` whose requests carry the access token (e.g. `createQueueApi(session.http)` for the counter). */
  readonly http: Http;

  constructor(options: StaffSessionOptions) {
    super({ status: 'signed_out', account: null, accessExpiresAt: null, sessionEndsAt: null, ended: null });
    this.#base = createHttp(options);
    this.#now = options.now ?? Date.now;
    this.#ahead = options.refreshAheadMs ?? 30_000;
    const base = this.#base;
    this.http = {
      baseUrl: base.baseUrl,
      get: <T>(path: string, schema: z.ZodMiniType<T>, o?: RequestOptions) =>
        this.#authed((h) => base.get(path, schema, { ...o, headers: { ...o?.headers, ...h } })),
      getConditional: <T>(path: string, schema: z.ZodMiniType<T>, etag: string | null, o?: RequestOptions): Promise<Conditional<T>> =>
        this.#authed((h) => base.getConditional(path, schema, etag, { ...o, headers: { ...o?.headers, ...h } })),
      post: <T>(path: string, body: unknown, schema: z.ZodMiniType<T>, o?: RequestOptions & { idempotencyKey?: string }) =>
        this.#authed((h) => base.post(path, body, schema, { ...o, headers: { ...o?.headers, ...h } })),
    };
  }

  /**
   * Runs `send` with the `authorization` header of the current access token (refreshed as for
   * `http`): for requests `http` cannot make, such as raw image bytes.
   */
  withAuth<T>(send: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    return this.#authed(send);
  }

  /** Whether a session is held (it may still be refused by the server). */
  get signedIn(): boolean {
    return this.#tokens !== null;
  }

  /** Signs in; a wrong e-mail or password rejects with a 401 `ProblemError` (`reason: 'invalid_credentials'`), too many with a 429. */
  async signIn(email: string, password: string, options?: RequestOptions): Promise<StaffAccountView> {
    this.set({ status: 'signing_in', ended: null });
    try {
      const t = await this.#base.post('staff/sign-in', { email, password }, StaffTokens, options);
      this.#accept(t);
      return t.account;
    } catch (e) {
      if (!this.#tokens) this.set({ status: 'signed_out' });
      throw e;
    }
  }

  /** The account as the server sees it now. */
  me(options?: RequestOptions): Promise<StaffMe> {
    return this.http.get('staff/me', StaffMe, options);
  }

  /** Trades the refresh token for a new pair now (one refresh at a time, shared by concurrent callers). */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#doRefresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** Ends the session on the server (best effort) and forgets the tokens in any case. */
  async signOut(options?: RequestOptions): Promise<void> {
    const tokens = this.#tokens;
    this.#forget(null);
    if (!tokens) return;
    try {
      await this.#base.post('staff/sign-out', {}, z.unknown(), {
        ...options,
        headers: { ...options?.headers, authorization: `Bearer ${tokens.access}` },
      });
    } catch (e) {
      // 204 has no JSON body: that is the success answer. A session already ended is signed out too.
      if (e instanceof InvalidResponseError && e.status === 204) return;
      if (e instanceof ProblemError && e.status === 401) return;
      throw e;
    }
  }

  async #doRefresh(): Promise<void> {
    const tokens = this.#tokens;
    if (!tokens) throw this.#notSignedIn();
    try {
      const t = await this.#base.post('staff/refresh', { refreshToken: tokens.refresh }, StaffTokens);
      if (this.#tokens === tokens) this.#accept(t);
    } catch (e) {
      if (e instanceof ProblemError && e.status === 401 && this.#tokens === tokens)
        this.#forget((reasonOf(e) as StaffAuthReason) ?? 'session_ended');
      throw e;
    }
  }

  /** Runs `send` with the current access token: refreshes first when it is about to expire, and once more on a 401 `token_expired`. */
  async #authed<T>(send: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    if (!this.#tokens) throw this.#notSignedIn();
    const { accessExpiresAt } = this.getSnapshot();
    if (accessExpiresAt !== null && this.#now() >= accessExpiresAt - this.#ahead) await this.refresh();
    const first = this.#tokens;
    if (!first) throw this.#notSignedIn();
    try {
      return await send({ authorization: `Bearer ${first.access}` });
    } catch (e) {
      if (reasonOf(e) !== 'token_expired') {
        if (reasonOf(e) === 'session_ended' && this.#tokens === first) this.#forget('session_ended');
        throw e;
      }
      // Another request may have refreshed meanwhile; refresh only if the token that failed is still ours.
      if (this.#tokens === first) await this.refresh();
      const next = this.#tokens;
      if (!next) throw e;
      return send({ authorization: `Bearer ${next.access}` });
    }
  }

  #accept(t: StaffTokens): void {
    const now = this.#now();
    this.#tokens = { access: t.accessToken, refresh: t.refreshToken };
    this.set({
      status: 'signed_in',
      account: t.account,
      accessExpiresAt: now + t.expiresIn * 1000,
      sessionEndsAt: now + t.refreshExpiresIn * 1000,
      ended: null,
    });
  }

  #forget(ended: StaffAuthReason | null): void {
    this.#tokens = null;
    this.set({ status: 'signed_out', account: null, accessExpiresAt: null, sessionEndsAt: null, ended });
  }

  /** What a staff request without a session rejects with: the server's own answer to it, without asking. */
  #notSignedIn(): ProblemError {
    return new ProblemError({
      type: 'https://mpp-kit.dev/problems/unauthorized',
      title: 'A valid staff token is required',
      status: 401,
      code: 'unauthorized',
      detail: 'Not signed in',
      reason: 'session_ended',
    });
  }
}
