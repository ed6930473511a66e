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
