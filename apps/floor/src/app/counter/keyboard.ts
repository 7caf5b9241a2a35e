import {
  isTypingTarget,
  keyName,
  SHORTCUTS,
  shortcutAction,
  type CounterAction,
  type KeyLike,
} from './actions';
import { t } from './messages';

/** Where the console is when a key is pressed. */
export interface KeyContext {
  /** the console itself is shown (not the sign-in, loading or window choice) */
  console: boolean;
  /** the transfer dialog is open */
  transferOpen: boolean;
}

/** What a key pressed anywhere on the page asks for; the page then takes the key (preventDefault). */
export type KeyCommand =
  | { kind: 'closeTransfer' }
  | { kind: 'act'; action: CounterAction };

/**
 * The command of a key pressed on the page, or null (the key is left to the browser). While the
 * transfer dialog is open only Esc counts (it closes the dialog; the shortcuts are off); on the
 * console each action's key does it (see `shortcutAction` for the keys that never count).
 */
export function keydownCommand(e: KeyLike, at: KeyContext): KeyCommand | null {
  if (at.transferOpen)
    return e.key === 'Escape' ? { kind: 'closeTransfer' } : null;
  if (!at.console) return null;
  const action = shortcutAction(e);
  return action ? { kind: 'act', action } : null;
}

/**
 * Whether a released key must be taken from the browser: the space bar on the console (outside a
 * field), so that it does not also press the focused button.
 */
export function swallowKeyup(e: KeyLike, at: KeyContext): boolean {
  return (
    at.console &&
    !at.transferOpen &&
    !isTypingTarget(e.target) &&
    keyName(e) === 'space'
  );
}

/** The keys of an action as its button prints them: "空格 / N". */
export function keysLabel(a: CounterAction): string {
  return SHORTCUTS[a]
    .map((k) => (k === 'space' ? t('keySpace') : k.toUpperCase()))
    .join(' / ');
}

/** The keys of an action for `aria-keyshortcuts`: "Space N". */
export function ariaKeys(a: CounterAction): string {
  return SHORTCUTS[a]
    .map((k) => (k === 'space' ? 'Space' : k.toUpperCase()))
    .join(' ');
}
