import type { TicketView } from '@onewindow/contracts';
import { ApiError } from '../core/api';
import { setLang } from '../core/i18n';
import { TicketRequest, type IssueBody } from './ticket-request';
import { OFFLINE_TRIES, TicketTaker, type TakerHooks } from './ticket-taker';

const ticket = { id: 't1', number: 'A001' } as TicketView;
const body: IssueBody = { serviceItemCode: 'MI-0001', priority: 'normal' };

describe('TicketTaker', () => {
  let sent: string[];
  let answers: (() => Promise<TicketView>)[];
  let confirming: boolean;
  let issued: TicketView[];
  let revoked: number;
  let problems: (string | null)[];
  let taker: TicketTaker;
  let keys: number;

  const hooks: TakerHooks = {
    body: () => body,
    send: (_b, key) => {
      sent.push(key);
      const next = answers.shift();
      return next ? next() : Promise.resolve(ticket);
    },
    confirming: () => confirming,
    issued: (t) => issued.push(t),
    revoked: () => revoked++,
    problem: (text) => problems.push(text),
  };
  const offline = () => Promise.reject(new ApiError(0, 'Failed to fetch'));
  const status =
    (s: number, retryAfter: number | null = null) =>
    () =>
      Promise.reject(new ApiError(s, `HTTP ${s}`, retryAfter));
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };

  beforeEach(() => {
    jest.useFakeTimers();
    setLang('zh');
    sent = [];
    answers = [];
    confirming = true;
    issued = [];
    revoked = 0;
    problems = [];
    keys = 0;
    taker = new TicketTaker(
      hooks,
      new TicketRequest(() => `key-${++keys}`),
      1000,
    );
  });

  afterEach(() => jest.useRealTimers());

  it('takes the ticket and hands it over; the next tap is a new request', async () => {
    await taker.take();
    expect(issued).toEqual([ticket]);
    expect(taker.issuing()).toBe(false);
    await taker.take();
    expect(sent).toEqual(['key-1', 'key-2']);
  });

  it('retries quietly while the network is down, with the same key, then asks the citizen', async () => {
    answers = Array.from({ length: OFFLINE_TRIES }, () => offline);
    const done = taker.take();
    for (let i = 0; i < OFFLINE_TRIES; i++) {
      await settle();
      jest.advanceTimersByTime(1000);
    }
    await done;
    expect(sent).toHaveLength(OFFLINE_TRIES);
    expect(new Set(sent).size).toBe(1);
    expect(problems).toContain('网络连接失败，正在重试（第 1 次）…');
    expect(problems.at(-1)).toBe(
      '无法连接服务器。请稍后重试，或咨询导办人员。',
    );
    expect(taker.canRetry()).toBe(true);
    expect(taker.issuing()).toBe(false);
    // the retry button: the same key again, and this time the ticket
    await taker.take();
    expect(sent.at(-1)).toBe(sent[0]);
    expect(issued).toEqual([ticket]);
  });

  it('stops retrying once the citizen left the confirm screen', async () => {
    answers = [offline, offline];
    const done = taker.take();
    await settle();
    confirming = false;
    jest.advanceTimersByTime(1000);
    await done;
    expect(sent).toHaveLength(1);
    expect(issued).toEqual([]);
  });

  it('counts down a busy system (Retry-After) and tries again by itself', async () => {
    answers = [status(503, 3)];
    await taker.take();
    expect(problems.at(-1)).toBe('系统繁忙，3 秒后自动重试…');
    jest.advanceTimersByTime(1000);
    expect(problems.at(-1)).toBe('系统繁忙，2 秒后自动重试…');
    jest.advanceTimersByTime(2000);
    await settle();
    expect(sent).toHaveLength(2);
    expect(issued).toEqual([ticket]);
  });

  it('drops the countdown when the citizen goes back; a reset forgets the key', async () => {
    answers = [status(429, 2)];
    await taker.take();
    taker.cancel();
    jest.advanceTimersByTime(5000);
    await settle();
    expect(sent).toHaveLength(1);
    answers = [status(500)];
    await taker.take();
    expect(sent[1]).toBe(sent[0]);
    taker.reset();
    await taker.take();
    expect(sent[2]).not.toBe(sent[0]);
  });

  it('says why it failed; a retry is offered only where it may help', async () => {
    answers = [status(400)];
    await taker.take();
    expect(problems.at(-1)).toBe('取号失败：HTTP 400');
    expect(taker.canRetry()).toBe(false);
    answers = [status(502)];
    await taker.take();
    expect(taker.canRetry()).toBe(true);
  });

  it('hands a refused token over to the pairing notice; nothing without a choice', async () => {
    answers = [status(401)];
    await taker.take();
    expect(revoked).toBe(1);
    const none = new TicketTaker({ ...hooks, body: () => null });
    await none.take();
    expect(none.issuing()).toBe(false);
    expect(sent).toHaveLength(1);
  });
});
