import type { TicketView } from '@onewindow/contracts';
import { setLang } from '../core/i18n';
import {
  explainConflict,
  explainNotNow,
  type ConflictContext,
} from './conflict';
import { say } from './messages';

const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't23',
  number: 'A023',
  hallId: 'h',
  serviceDate: '2026-12-03',
  serviceItemCode: 'SS-0001',
  categoryCode: 'social_security',
  priority: 'normal',
  state: 'called',
  issuedAt: '2026-12-03T01:00:00.000Z',
  windowId: 'w5',
  windowLabel: '5号窗口',
  recallCount: 0,
  ...over,
});

const ctx = (over: Partial<ConflictContext>): ConflictContext => ({
  action: 'recall',
  ticket: { id: 't23', number: 'A023' },
  freshTicket: null,
  window: { id: 'w5', state: 'open' },
  current: null,
  ...over,
});

const text = (c: Partial<ConflictContext>) => say(explainConflict(ctx(c)));

describe('explainConflict', () => {
  beforeEach(() => setLang('zh'));

  it('a ticket another device marked no-show', () => {
    expect(
      text({ action: 'recall', freshTicket: ticket({ state: 'no_show' }) }),
    ).toBe('A023 已被标记为过号（可能已在其他设备上操作）');
  });

  it('a ticket completed, transferred or cancelled meanwhile', () => {
    expect(
      text({ action: 'done', freshTicket: ticket({ state: 'done' }) }),
    ).toBe('A023 已办结（可能已在其他设备上操作）');
    expect(
      text({
        action: 'transfer',
        freshTicket: ticket({ state: 'transferred' }),
      }),
    ).toContain('已转办');
    expect(
      text({ action: 'start', freshTicket: ticket({ state: 'cancelled' }) }),
    ).toContain('取消');
  });

  it("uses the window's ticket when the ticket itself could not be read", () => {
    expect(
      text({
        action: 'recall',
        freshTicket: null,
        current: ticket({ state: 'serving' }),
      }),
    ).toBe(
      'A023 已开始办理（可能已在其他设备上操作），请选择办结、需补材料、不予受理或转办',
    );
  });

  it('says a ticket not yet started cannot be completed', () => {
    expect(
      text({ action: 'materials', freshTicket: ticket({ state: 'called' }) }),
    ).toBe('A023 还未开始办理，请先按“开始办理”');
  });

  it('names the window that took a ticket, or says another window took it', () => {
    expect(
      text({
        action: 'start',
        freshTicket: ticket({ windowId: 'w7', windowLabel: '7号窗口' }),
      }),
    ).toBe('A023 已不在本窗口（已被 7号窗口 叫走）');
    expect(
      text({
        action: 'start',
        freshTicket: ticket({ windowId: 'w7', windowLabel: undefined }),
      }),
    ).toBe('该号已不在等候（已被其他窗口叫走）');
  });

  it('says the ticket left the window when nothing more is known', () => {
    expect(
      text({
        action: 'noshow',
        current: ticket({ id: 'other', number: 'A024' }),
      }),
    ).toBe('A023 已不在本窗口（可能已在其他设备上操作），已刷新');
  });

  it('call next: a paused or closed window, or a ticket still held', () => {
    expect(
      text({
        action: 'call',
        ticket: null,
        window: { id: 'w5', state: 'paused' },
      }),
    ).toBe('窗口已暂停，请先开启窗口');
    expect(
      text({
        action: 'call',
        ticket: null,
        window: { id: 'w5', state: 'closed' },
      }),
    ).toBe('窗口已关闭，请先开启窗口');
    expect(
      text({
        action: 'call',
        ticket: null,
        current: ticket({ number: 'A021', state: 'serving' }),
      }),
    ).toBe('本窗口还有未办结的号 A021，请先办结或过号');
    expect(text({ action: 'call', ticket: null })).toBe(
      '状态已经变化，页面已刷新，请确认后重试',
    );
  });

  it('window actions: closing with a ticket, a state already reached, pausing a closed window', () => {
    expect(
      text({
        action: 'close',
        ticket: null,
        current: ticket({ number: 'A021' }),
      }),
    ).toBe('本窗口还有未办结的号 A021，请先办结或过号，再关闭窗口');
    expect(
      text({
        action: 'pause',
        ticket: null,
        window: { id: 'w5', state: 'paused' },
      }),
    ).toBe('窗口已经是“已暂停”状态（可能已在其他设备上操作）');
    expect(
      text({
        action: 'pause',
        ticket: null,
        window: { id: 'w5', state: 'closed' },
      }),
    ).toBe('窗口已关闭，不能暂停；如需叫号请先开启窗口');
    expect(
      text({
        action: 'open',
        ticket: null,
        window: { id: 'w5', state: 'retired' },
      }),
    ).toBe('本窗口已停用，请更换窗口');
  });

  it('speaks English when switched, with the window said the English way', () => {
    setLang('en');
    expect(
      text({ action: 'recall', freshTicket: ticket({ state: 'no_show' }) }),
    ).toBe('A023 was marked no-show (perhaps on another device)');
    expect(
      text({
        action: 'start',
        freshTicket: ticket({ windowId: 'w7', windowLabel: '7号窗口' }),
      }),
    ).toBe('A023 is no longer at this window (called by window 7)');
    setLang('zh');
  });
});

describe('explainNotNow', () => {
  it('explains a shortcut that does not fit the ticket', () => {
    setLang('zh');
    expect(
      say(explainNotNow('done', { number: 'A021', state: 'called' })),
    ).toBe('A021 还未开始办理，不能“办结”');
    expect(
      say(explainNotNow('recall', { number: 'A021', state: 'serving' })),
    ).toBe('A021 正在办理，不能“重呼”');
    expect(say(explainNotNow('noshow', null))).toBe('当前没有号，不能“过号”');
    expect(
      say(explainNotNow('call', { number: 'A021', state: 'called' })),
    ).toBe('本窗口还有未办结的号 A021，请先办结或过号');
    expect(say(explainNotNow('call', null))).toBe(
      '窗口未开启，不能叫号，请先开启窗口',
    );
  });
});
