import type {
  TicketOutcome,
  TicketState,
  WindowState,
} from '@onewindow/contracts';

/** What the clerk can do at the counter, in the order of the buttons (a called ticket's row, then a served one's). */
export const COUNTER_ACTIONS = [
  'call',
  'recall',
  'start',
  'noshow',
  'done',
  'materials',
  'rejected',
  'transfer',
] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

export type WindowAction = 'open' | 'pause' | 'close';

/** The outcome a completing action records. */
export const OUTCOME: Partial<Record<CounterAction, TicketOutcome>> = {
  done: 'done',
  materials: 'needs_materials',
  rejected: 'rejected',
};

/** Actions that need the ticket called (not yet served). */
export const NEEDS_CALLED: readonly CounterAction[] = [
  'recall',
  'start',
  'noshow',
];
/** Actions that need the ticket being served. */
export const NEEDS_SERVING: readonly CounterAction[] = [
  'done',
  'materials',
  'rejected',
  'transfer',
];

/**
 * The actions that fit the ticket the window holds and the window's state: with no ticket, call
 * next (only while the window is open); a called ticket may be recalled, started or marked
 * no-show; a ticket being served may be completed (three outcomes) or transferred.
 */
export function allowedActions(
  ticket: { state: TicketState } | null,
  windowState: WindowState | null,
): ReadonlySet<CounterAction> {
  if (!ticket) return new Set(windowState === 'open' ? ['call'] : []);
  if (ticket.state === 'called') return new Set(NEEDS_CALLED);
  if (ticket.state === 'serving') return new Set(NEEDS_SERVING);
  // the window holds a ticket that is over (a stale view): nothing but a reload fits
  return new Set();
}

/**
 * Which window actions fit its state (retired windows take none). Closing while the window holds
 * a ticket is left to the server, whose refusal the console explains with the ticket's number.
 */
export function allowedWindowActions(
  state: WindowState | null,
): ReadonlySet<WindowAction> {
  switch (state) {
    case 'open':
      return new Set<WindowAction>(['pause', 'close']);
    case 'paused':
      return new Set<WindowAction>(['open', 'close']);
    case 'closed':
      return new Set<WindowAction>(['open']);
    default:
      return new Set();
  }
}

/** The keys of each action, as printed on its button ('space' is the space bar). */
export const SHORTCUTS: Record<CounterAction, readonly string[]> = {
  call: ['space', 'n'],
  recall: ['r'],
  start: ['s'],
  done: ['d'],
  materials: ['m'],
  rejected: ['j'],
  noshow: ['x'],
  transfer: ['t'],
};

const BY_KEY = new Map<string, CounterAction>(
  COUNTER_ACTIONS.flatMap((a) => SHORTCUTS[a].map((k) => [k, a] as const)),
);

/** The part of a KeyboardEvent the shortcuts read. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  target?: EventTarget | null;
}

/** Whether keys pressed on this element are typing (an input, a text area, an editable element). */
export function isTypingTarget(
  target: EventTarget | null | undefined,
): boolean {
  const el = target as
    | (Partial<HTMLElement> & { tagName?: string })
    | null
    | undefined;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toUpperCase();
  return (
    tag === 'INPUT' ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    el.isContentEditable === true
  );
}

/** The name of a pressed key as SHORTCUTS spell it: 'space' or a lower-case letter. */
export function keyName(e: KeyLike): string {
  if (e.key === ' ' || e.key === 'Spacebar' || e.code === 'Space')
    return 'space';
  if (/^[a-z]$/i.test(e.key)) return e.key.toLowerCase();
  // an input method may report 'Process': the physical key still names the letter
  const m = /^Key([A-Z])$/.exec(e.code ?? '');
  return m ? m[1].toLowerCase() : e.key.toLowerCase();
}

/**
 * The action a key press asks for, or null: none while typing in a field, with Ctrl/Alt/⌘ held
 * (browser shortcuts stay), or for a key held down (auto-repeat must not call twice).
 */
export function shortcutAction(e: KeyLike): CounterAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.isComposing)
    return null;
  if (isTypingTarget(e.target)) return null;
  return BY_KEY.get(keyName(e)) ?? null;
}
