import { clear, createStore } from 'idb-keyval';

/** Polls `cond` until it is truthy (for async rendering against the real server). */
export async function until<T>(cond: () => T, what = 'condition', timeout = 15_000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const v = cond();
    if (v) return v as NonNullable<T>;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const shadow = (el: Element) => el.shadowRoot as ShadowRoot;
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...shadow(el).querySelectorAll<T>(sel)];

/** Types into an input the way a user would (an `input` event per change). */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export const setProxy = async (state: 'up' | 'down') => {
  await fetch(`/__mpp-proxy/${state}`);
};

/** Forgets everything the widgets keep on the device: local and session storage, the IndexedDB catalog. */
export async function clearStorage(): Promise<void> {
  localStorage.clear();
  sessionStorage.clear();
  await clear(createStore('mpp-kit', 'catalog'));
}

/** A mail the test SMTP server received (see web-test-runner.config.mjs). */
export interface TestMail {
  subject: string;
  text: string;
  /** How many mails this address has had so far (this one included). */
  count: number;
}

/**
 * The last mail the real SMTP server received for `address`, once it has had at least `count` mails.
 * Polls: the server's mail job delivers the outbox on its own schedule (every 5 s).
 */
export async function lastMailTo(address: string, count = 1, timeout = 20_000): Promise<TestMail> {
  const start = performance.now();
  for (;;) {
    const res = await fetch(`/__mpp-mail/last?to=${encodeURIComponent(address)}`);
    const mail = (await res.json()) as Partial<TestMail> & { count: number };
    if (mail.count >= count) return mail as TestMail;
    if (performance.now() - start > timeout) throw new Error(`No mail #${count} to ${address} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The six-digit code of the last mail to `address` (waits for mail number `count`). */
export async function codeFromMail(address: string, count = 1): Promise<string> {
  const mail = await lastMailTo(address, count);
  const code = /\b(\d{6})\b/.exec(mail.subject) ?? /\b(\d{6})\b/.exec(mail.text);
  if (!code) throw new Error(`No six-digit code in the mail to ${address}: ${mail.subject}`);
  return code[1]!;
}
