/**
 * The keyboard shortcuts of `<si-badra-inbox>` as commands: which key does what in which view.
 * Never while typing in a field, never with Ctrl, Alt or Meta; on a redaction box only `Escape`
 * (the box's own keys move it). The element carries the commands out.
 */
import type { Panel } from './context.js';

export type Command =
  | { do: 'escape' }
  | { do: 'step'; by: 1 | -1 }
  | { do: 'search' }
  /** Open the complaint selected in the list, then start `then`. */
  | { do: 'open'; then: 'verify' | Panel | null }
  | { do: 'verify' }
  | { do: 'panel'; panel: Panel };

export interface ShortcutState {
  view: 'list' | 'detail' | 'briefing';
  /** A complaint is selected in the list. */
  selected: boolean;
  /** On an open complaint with no form open and nothing being sent: what the account may do; else null. */
  allowed: Record<'verify' | Panel, boolean> | null;
}

/** Whether a key press happens while typing in a field (shortcuts never apply there). */
const typing = (t: EventTarget | undefined): boolean =>
  t instanceof HTMLElement &&
  (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || t instanceof HTMLInputElement);

const IN_LIST = { v: 'verify', d: 'dispatch', r: 'reject', a: 'answer' } as const;

/** The command of a key press, or null (the key is left to the page). */
export function shortcutFor(e: KeyboardEvent, s: ShortcutState): Command | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return null;
  const target = e.composedPath()[0];
  if (typing(target)) return null;
  const key = e.key;
  if (key === 'Escape') return { do: 'escape' };
  if (target instanceof HTMLElement && target.classList.contains('box')) return null;
  if (s.view === 'list') {
    if (key === 'j' || key === 'k') return { do: 'step', by: key === 'j' ? 1 : -1 };
    if (key === '/') return { do: 'search' };
    if (key === 'Enter' && !(target instanceof HTMLButtonElement) && s.selected) return { do: 'open', then: null };
    if (Object.hasOwn(IN_LIST, key) && s.selected) return { do: 'open', then: IN_LIST[key as keyof typeof IN_LIST] };
    return null;
  }
  const a = s.view === 'detail' ? s.allowed : null;
  if (!a) return null;
  if (key === 'v' && a.verify) return { do: 'verify' };
  if (key === 'd' && a.dispatch) return { do: 'panel', panel: 'dispatch' };
  if (key === 'r' && a.reject) return { do: 'panel', panel: 'reject' };
  if (key === 'a' && a.answer) return { do: 'panel', panel: 'answer' };
  return null;
}
