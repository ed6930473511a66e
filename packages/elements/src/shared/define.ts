/**
 * Registers a custom element once. When the tag is already taken (two embeds, two versions of the
 * bundle on one page) it warns instead of throwing, so one widget never breaks the host page.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) console.warn(`[mpp-kit] <${tag}> is already defined by another script; keeping the first definition.`);
    return;
  }
  customElements.define(tag, ctor);
}
