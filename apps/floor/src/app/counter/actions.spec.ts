import {
  allowedActions,
  allowedWindowActions,
  COUNTER_ACTIONS,
  isTypingTarget,
  shortcutAction,
  SHORTCUTS,
  type CounterAction,
} from './actions';

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('allowedActions', () => {
  it('offers only "call" without a ticket, and only while the window is open', () => {
    expect(sorted(allowedActions(null, 'open'))).toEqual(['call']);
    expect(sorted(allowedActions(null, 'paused'))).toEqual([]);
    expect(sorted(allowedActions(null, 'closed'))).toEqual([]);
    expect(sorted(allowedActions(null, null))).toEqual([]);
  });

  it('offers recall, start and no-show for a called ticket, never call or complete', () => {
    expect(sorted(allowedActions({ state: 'called' }, 'open'))).toEqual([
      'noshow',
      'recall',
      'start',
    ]);
    // a paused window may still finish what it holds
    expect(sorted(allowedActions({ state: 'called' }, 'paused'))).toEqual([
      'noshow',
      'recall',
      'start',
    ]);
  });

  it('offers the three outcomes and transfer for a ticket being served', () => {
    expect(sorted(allowedActions({ state: 'serving' }, 'open'))).toEqual([
      'done',
      'materials',
      'rejected',
      'transfer',
    ]);
  });

  it('offers nothing for a ticket that is already over', () => {
    for (const state of [
      'done',
      'no_show',
      'transferred',
      'cancelled',
      'waiting',
    ] as const)
      expect(allowedActions({ state }, 'open').size).toBe(0);
  });
});

describe('allowedWindowActions', () => {
  it('follows the window transitions of the API', () => {
    expect(sorted(allowedWindowActions('open'))).toEqual(['close', 'pause']);
    expect(sorted(allowedWindowActions('paused'))).toEqual(['close', 'open']);
    expect(sorted(allowedWindowActions('closed'))).toEqual(['open']);
    expect(allowedWindowActions('retired').size).toBe(0);
    expect(allowedWindowActions(null).size).toBe(0);
  });
});

describe('shortcutAction', () => {
  const press = (key: string, extra: Record<string, unknown> = {}) =>
    shortcutAction({ key, code: '', target: document.body, ...extra });

  it('maps each documented key to its action, in either case', () => {
    const expected: Record<string, CounterAction> = {
      ' ': 'call',
      n: 'call',
      N: 'call',
      r: 'recall',
      s: 'start',
      d: 'done',
      m: 'materials',
      j: 'rejected',
      x: 'noshow',
      t: 'transfer',
      T: 'transfer',
    };
    for (const [key, action] of Object.entries(expected))
      expect([key, press(key)]).toEqual([key, action]);
  });

  it('gives every action a key and no key to two actions', () => {
    const keys = COUNTER_ACTIONS.flatMap((a) => SHORTCUTS[a]);
    expect(COUNTER_ACTIONS.every((a) => SHORTCUTS[a].length > 0)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads the space bar by its code and a letter by its key code under an input method', () => {
    expect(press('Unidentified', { code: 'Space' })).toBe('call');
    expect(press('Process', { code: 'KeyD' })).toBe('done');
  });

  it('ignores other keys, modifiers, auto-repeat and composition', () => {
    expect(press('a')).toBeNull();
    expect(press('Enter')).toBeNull();
    expect(press('Escape')).toBeNull();
    expect(press('d', { ctrlKey: true })).toBeNull();
    expect(press('r', { metaKey: true })).toBeNull();
    expect(press('n', { altKey: true })).toBeNull();
    expect(press(' ', { repeat: true })).toBeNull();
    expect(press('n', { isComposing: true })).toBeNull();
  });

  it('ignores keys typed into a field', () => {
    const input = document.createElement('input');
    const area = document.createElement('textarea');
    const editable = document.createElement('div');
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    for (const target of [input, area, editable]) {
      expect(isTypingTarget(target)).toBe(true);
      expect(press('d', { target })).toBeNull();
    }
    const button = document.createElement('button');
    expect(isTypingTarget(button)).toBe(false);
    expect(press('d', { target: button })).toBe('done');
  });
});
