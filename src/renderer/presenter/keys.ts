/**
 * Presenter mode is driven from the keyboard alone (a clicker sends Page Up/Down): the
 * mapping from a key press to what it does, as a pure function so it can be tested without a page.
 */
export type PresenterCommand =
  | { readonly type: 'step'; readonly index: number }
  | { readonly type: 'help' }
  | { readonly type: 'closeHelp' }
  | { readonly type: 'exit' };

export interface KeyContext {
  /** Steps on the agenda. */
  readonly stepCount: number;
  /** The step on screen. */
  readonly current: number;
  readonly helpOpen: boolean;
}

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

// Left and right (and a clicker's Page Down / Page Up) change steps; up and down still scroll a long step.
const NEXT = new Set(['ArrowRight', 'PageDown']);
const PREVIOUS = new Set(['ArrowLeft', 'PageUp']);

/** The step `delta` away from `current`, kept on the agenda (no wrapping: the last step stays last). */
export function stepFrom(current: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, current + delta));
}

/** What a key does in presenter mode; null: nothing (the key is left to the page). */
export function presenterCommand(press: KeyPress, ctx: KeyContext): PresenterCommand | null {
  // Shortcuts of the browser and the system stay theirs.
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const { key } = press;
  if (ctx.helpOpen) return key === 'Escape' || key === '?' ? { type: 'closeHelp' } : null;
  if (key === '?') return { type: 'help' };
  if (key === 'Escape') return { type: 'exit' };
  if (NEXT.has(key)) return moveTo(stepFrom(ctx.current, 1, ctx.stepCount), ctx);
  if (PREVIOUS.has(key)) return moveTo(stepFrom(ctx.current, -1, ctx.stepCount), ctx);
  if (key === 'Home') return moveTo(0, ctx);
  if (key === 'End') return moveTo(ctx.stepCount - 1, ctx);
  if (/^[0-9]$/.test(key)) {
    const index = Number(key);
    return index < ctx.stepCount ? moveTo(index, ctx) : null;
  }
  return null;
}

function moveTo(index: number, ctx: KeyContext): PresenterCommand | null {
  return ctx.stepCount > 0 && index !== ctx.current ? { type: 'step', index } : null;
}

/** Keys the help overlay lists, in its order; labels are `presenter.keys.<id>` in the catalogs. */
export const KEY_HELP = [
  { id: 'next', keys: ['→', 'PgDn'] },
  { id: 'previous', keys: ['←', 'PgUp'] },
  { id: 'scroll', keys: ['↑', '↓'] },
  { id: 'step', keys: [] },
  { id: 'firstLast', keys: ['Home', 'End'] },
  { id: 'help', keys: ['?'] },
  { id: 'exit', keys: ['Esc'] },
] as const;
