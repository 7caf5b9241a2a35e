import { setLang } from '../core/i18n';
import {
  ariaKeys,
  keydownCommand,
  keysLabel,
  swallowKeyup,
  type KeyContext,
} from './keyboard';

const onConsole: KeyContext = { console: true, transferOpen: false };
const inDialog: KeyContext = { console: true, transferOpen: true };
const elsewhere: KeyContext = { console: false, transferOpen: false };
const input = { tagName: 'INPUT' } as unknown as EventTarget;

describe('keydownCommand', () => {
  it("gives each action's key its action on the console", () => {
    expect(keydownCommand({ key: ' ' }, onConsole)).toEqual({
      kind: 'act',
      action: 'call',
    });
    expect(keydownCommand({ key: 'n' }, onConsole)).toEqual({
      kind: 'act',
      action: 'call',
    });
    expect(keydownCommand({ key: 'X' }, onConsole)).toEqual({
      kind: 'act',
      action: 'noshow',
    });
    expect(keydownCommand({ key: 'q' }, onConsole)).toBeNull();
  });

  it('leaves keys to the browser off the console, in fields, with modifiers and on auto-repeat', () => {
    expect(keydownCommand({ key: 'n' }, elsewhere)).toBeNull();
    expect(keydownCommand({ key: 'n', target: input }, onConsole)).toBeNull();
    expect(keydownCommand({ key: 'r', ctrlKey: true }, onConsole)).toBeNull();
    expect(keydownCommand({ key: ' ', repeat: true }, onConsole)).toBeNull();
  });

  it('while the transfer dialog is open, only Esc counts: it closes the dialog', () => {
    expect(keydownCommand({ key: 'Escape' }, inDialog)).toEqual({
      kind: 'closeTransfer',
    });
    expect(keydownCommand({ key: 'd' }, inDialog)).toBeNull();
    expect(keydownCommand({ key: ' ' }, inDialog)).toBeNull();
    expect(keydownCommand({ key: 'Escape' }, onConsole)).toBeNull();
  });
});

describe('swallowKeyup', () => {
  it('takes the released space bar on the console, so it does not press the focused button', () => {
    expect(swallowKeyup({ key: ' ' }, onConsole)).toBe(true);
    expect(
      swallowKeyup({ key: 'Unidentified', code: 'Space' }, onConsole),
    ).toBe(true);
    expect(swallowKeyup({ key: 'n' }, onConsole)).toBe(false);
  });

  it('leaves it alone in a field, in the transfer dialog and off the console', () => {
    expect(swallowKeyup({ key: ' ', target: input }, onConsole)).toBe(false);
    expect(swallowKeyup({ key: ' ' }, inDialog)).toBe(false);
    expect(swallowKeyup({ key: ' ' }, elsewhere)).toBe(false);
  });
});

describe('the keys printed on the buttons', () => {
  afterEach(() => setLang('zh'));

  it('name the space bar in the language of the page, letters in capitals', () => {
    setLang('zh');
    expect(keysLabel('call')).toBe('空格 / N');
    expect(keysLabel('materials')).toBe('M');
    setLang('en');
    expect(keysLabel('call')).toBe('Space / N');
  });

  it('say the keys for aria-keyshortcuts in its own syntax', () => {
    setLang('zh');
    expect(ariaKeys('call')).toBe('Space N');
    expect(ariaKeys('rejected')).toBe('J');
  });
});
