import type { FieldError, Problem } from '../schemas/common.js';

/** The closed set of failure kinds a widget has to explain. */
export type MppErrorKind = 'problem' | 'network' | 'timeout' | 'aborted' | 'invalid_response';

/**
 * Base class of every error the SDK throws. `code` is stable: the server's problem code for
 * `kind: 'problem'`, otherwise the kind itself. Messages are for developers; widgets translate `code`.
 */
export class MppError extends Error {
  override name = 'MppError';
  constructor(
    readonly kind: MppErrorKind,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  /** True when trying again later may succeed (network trouble, timeouts, 5xx). */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout';
  }
}

/** The server answered with an RFC 9457 problem document. */
export class ProblemError extends MppError {
  override name = 'ProblemError';
  readonly status: number;
  readonly errors: readonly FieldError[];
  constructor(readonly problem: Problem) {
    super('problem', problem.code, `${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.status = problem.status;
    this.errors = problem.errors ?? [];
  }
  override get retryable(): boolean {
    return this.status >= 500 || this.status === 429;
  }
  /** Field errors keyed by path, for forms. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) out[e.path] ??= e.code;
    return out;
  }
}

/** No response: offline, DNS, connection refused, CORS refusal. */
export class NetworkError extends MppError {
  override name = 'NetworkError';
  constructor(cause?: unknown) {
    super('network', 'network', 'The server could not be reached', { cause });
  }
}

export class TimeoutError extends MppError {
  override name = 'TimeoutError';
  constructor(
    readonly timeoutMs: number,
    cause?: unknown,
  ) {
    super('timeout', 'timeout', `No answer within ${timeoutMs} ms`, { cause });
  }
}

/** The caller aborted the request through its `AbortSignal`. */
export class AbortError extends MppError {
  override name = 'AbortError';
  constructor(cause?: unknown) {
    super('aborted', 'aborted', 'The request was aborted', { cause });
  }
}

/** The server answered something that does not match the contract. */
export class InvalidResponseError extends MppError {
  override name = 'InvalidResponseError';
  constructor(
    message: string,
    readonly status?: number,
    cause?: unknown,
  ) {
    super('invalid_response', 'invalid_response', message, { cause });
  }
}

export const isMppError = (e: unknown): e is MppError => e instanceof MppError;
