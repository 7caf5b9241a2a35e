import type { FloorCall } from '@onewindow/live-client';
import { Announcer, callSentence, type Voice } from './announcer';

const NOW = Date.parse('2026-12-03T02:00:00.000Z');

const call = (
  number: string,
  windowLabel: string,
  over: Partial<FloorCall> = {},
): FloorCall => ({
  ticketId: number,
  number,
  categoryCode: 'tax',
  windowId: 'w',
  windowLabel,
  calledAt: new Date(NOW).toISOString(),
  recall: false,
  eventId: '1',
  ...over,
});

/** A voice that logs what it is asked and finishes only when told to (or never). */
class FakeVoice implements Voice {
  readonly log: string[] = [];
  private pending: (() => void) | null = null;

  chime(done: () => void): void {
    this.log.push('chime');
    this.pending = done;
  }

  speak(text: string, done: () => void): void {
    this.log.push(`say ${text}`);
    this.pending = done;
  }

  cancel(): void {
    this.log.push('cancel');
    this.pending = null;
  }

  /** The current sound ends. */
  finish(): void {
    const done = this.pending;
    this.pending = null;
    done?.();
  }

  get playing(): boolean {
    return this.pending !== null;
  }
}

/** Plays everything queued, ending each sound as it starts. */
function playAll(voice: FakeVoice): void {
  for (let i = 0; i < 100; i++) {
    if (voice.playing) voice.finish();
    else jest.advanceTimersByTime(1000);
  }
}

describe('callSentence', () => {
  it('says the number and the window in Mandarin', () => {
    expect(callSentence('A023', '5号窗口')).toBe('请 A023 号 到 5号窗口');
    expect(callSentence('B101', '12')).toBe('请 B101 号 到 12 号窗口');
  });
});

describe('Announcer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('announces two calls one after the other: chime, then the sentence twice, never overlapping', () => {
    const voice = new FakeVoice();
    const queued: string[][] = [];
    const a = new Announcer(voice, {}, (h) => queued.push([...h]));
    expect(a.announce(call('A023', '5号窗口'), NOW, NOW)).toBe(true);
    expect(a.announce(call('B007', '2号窗口'), NOW, NOW)).toBe(true);
    // only the first chime has started: the rest waits
    expect(voice.log).toEqual(['chime']);
    voice.finish();
    expect(voice.log).toEqual(['chime', 'say 请 A023 号 到 5号窗口']);
    playAll(voice);
    expect(voice.log).toEqual([
      'chime',
      'say 请 A023 号 到 5号窗口',
      'say 请 A023 号 到 5号窗口',
      'chime',
      'say 请 B007 号 到 2号窗口',
      'say 请 B007 号 到 2号窗口',
    ]);
    expect(a.history).toEqual([
      '请 A023 号 到 5号窗口',
      '请 B007 号 到 2号窗口',
    ]);
    expect(queued.at(-1)).toEqual(a.history);
    expect(a.busy).toBe(false);
  });

  it('announces a recall again', () => {
    const voice = new FakeVoice();
    const a = new Announcer(voice);
    a.announce(call('A023', '5号窗口'), NOW, NOW);
    playAll(voice);
    a.announce(
      call('A023', '5号窗口', { recall: true, eventId: '2' }),
      NOW + 60_000,
      NOW + 60_000,
    );
    playAll(voice);
    expect(voice.log.filter((l) => l === 'chime')).toHaveLength(2);
    expect(voice.log.filter((l) => l.startsWith('say'))).toHaveLength(4);
    expect(a.history).toEqual([
      '请 A023 号 到 5号窗口',
      '请 A023 号 到 5号窗口',
    ]);
  });

  it('does not read out a call older than five minutes', () => {
    const voice = new FakeVoice();
    const a = new Announcer(voice);
    expect(a.announce(call('A001', '1号窗口'), NOW - 5 * 60_000 - 1, NOW)).toBe(
      false,
    );
    expect(a.announce(call('A002', '1号窗口'), NOW - 4 * 60_000, NOW)).toBe(
      true,
    );
    playAll(voice);
    expect(voice.log.join('|')).not.toContain('A001');
    expect(a.history).toEqual(['请 A002 号 到 1号窗口']);
  });

  it('goes on after a timeout when the voice never reports its end, silencing it first', () => {
    const voice = new FakeVoice();
    const a = new Announcer(voice, {
      speechTimeoutMs: () => 5000,
      chimeTimeoutMs: 1000,
      gapMs: 100,
    });
    a.announce(call('A023', '5号窗口'), NOW, NOW);
    // the chime never ends
    jest.advanceTimersByTime(1000);
    expect(voice.log).toEqual(['chime', 'cancel', 'say 请 A023 号 到 5号窗口']);
    // nor does the first sentence
    jest.advanceTimersByTime(4999);
    expect(voice.log).toHaveLength(3);
    jest.advanceTimersByTime(1);
    expect(voice.log.at(-1)).toBe('cancel');
    jest.advanceTimersByTime(100);
    expect(voice.log.at(-1)).toBe('say 请 A023 号 到 5号窗口');
  });

  it('ignores a late end of a step it already gave up on', () => {
    const voice = new FakeVoice();
    let lateDone: (() => void) | null = null;
    voice.chime = (done) => {
      voice.log.push('chime');
      lateDone = done;
    };
    const a = new Announcer(voice, { chimeTimeoutMs: 1000 });
    a.announce(call('A023', '5号窗口'), NOW, NOW);
    jest.advanceTimersByTime(1000);
    expect(voice.log.at(-1)).toBe('say 请 A023 号 到 5号窗口');
    (lateDone as unknown as () => void)();
    // still on the first sentence: the late end skipped nothing
    expect(voice.log.filter((l) => l.startsWith('say'))).toHaveLength(1);
  });

  it('with a voice that ends at once (no speech in the browser) still plays in order', () => {
    const log: string[] = [];
    const a = new Announcer(
      {
        chime: (done) => (log.push('chime'), done()),
        speak: (text, done) => (log.push(text), done()),
        cancel: () => undefined,
      },
      { gapMs: 10 },
    );
    a.announce(call('A1', '1号窗口'), NOW, NOW);
    a.announce(call('A2', '2号窗口'), NOW, NOW);
    jest.advanceTimersByTime(1000);
    expect(log).toEqual([
      'chime',
      '请 A1 号 到 1号窗口',
      '请 A1 号 到 1号窗口',
      'chime',
      '请 A2 号 到 2号窗口',
      '请 A2 号 到 2号窗口',
    ]);
  });

  it('sound off stops at once, drops what waits and queues nothing more', () => {
    const voice = new FakeVoice();
    const a = new Announcer(voice);
    a.announce(call('A1', '1号窗口'), NOW, NOW);
    a.announce(call('A2', '2号窗口'), NOW, NOW);
    a.enabled = false;
    expect(voice.log).toEqual(['chime', 'cancel']);
    expect(a.announce(call('A3', '3号窗口'), NOW, NOW)).toBe(false);
    playAll(voice);
    expect(voice.log).toEqual(['chime', 'cancel']);
    a.enabled = true;
    a.announce(call('A4', '4号窗口'), NOW, NOW);
    playAll(voice);
    expect(voice.log.slice(2)).toEqual([
      'chime',
      'say 请 A4 号 到 4号窗口',
      'say 请 A4 号 到 4号窗口',
    ]);
    expect(a.history).toEqual([
      '请 A1 号 到 1号窗口',
      '请 A2 号 到 2号窗口',
      '请 A4 号 到 4号窗口',
    ]);
  });
});
