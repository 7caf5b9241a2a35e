import { setLang } from '../core/i18n';
import {
  handlingText,
  modeName,
  stateName,
  ticketStateName,
  waitedText,
} from './labels';

describe('the console in words', () => {
  beforeEach(() => setLang('zh'));
  afterEach(() => setLang('zh'));

  it("names a window's mode and state", () => {
    expect(modeName('comprehensive')).toBe('综合窗口');
    expect(stateName('paused')).toBe('已暂停');
    setLang('en');
    expect(stateName('paused')).not.toBe('已暂停');
  });

  it('says what a held ticket waits for; other states as they are', () => {
    expect(ticketStateName('called')).toBe('已叫号，等候群众到窗口');
    expect(ticketStateName('serving')).toBe('正在办理');
    expect(ticketStateName('done')).toBe('done');
  });

  it('says how long the citizen waited before the call', () => {
    expect(
      waitedText({
        issuedAt: '2026-12-03T01:00:00.000Z',
        calledAt: '2026-12-03T01:12:30.000Z',
      }),
    ).toBe('已等候 12 分钟');
    expect(
      waitedText({
        issuedAt: '2026-12-03T01:00:00.000Z',
        calledAt: '2026-12-03T01:00:40.000Z',
      }),
    ).toBe('等候不到 1 分钟');
    expect(waitedText({ issuedAt: '2026-12-03T01:00:00.000Z' })).toBe('');
  });

  it("gives the day's mean handling time, or a dash before the first ticket", () => {
    expect(
      handlingText({
        windowId: 'w',
        served: 4,
        noShows: 0,
        meanHandlingMinutes: 6.5,
      }),
    ).toBe('6.5 分钟');
    expect(
      handlingText({
        windowId: 'w',
        served: 0,
        noShows: 0,
        meanHandlingMinutes: null,
      }),
    ).toBe('—');
    expect(handlingText(null)).toBe('—');
  });
});
