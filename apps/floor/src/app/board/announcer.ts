import type { FloorCall } from '@onewindow/live-client';
import { windowPhrase } from '../core/i18n';

/** What the board says for a call, always in Mandarin: "请 A023 号 到 5号窗口". */
export function callSentence(number: string, windowLabel: string): string {
  return `请 ${number} 号 到 ${windowPhrase(windowLabel, 'zh')}`;
}

/** The sound of the board: a chime and a voice. Each calls `done` once it has finished (or failed). */
export interface Voice {
  chime(done: () => void): void;
  speak(text: string, done: () => void): void;
  /** Stops whatever plays now. */
  cancel(): void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AnnouncerOptions {
  /** times each sentence is said */
  repeat?: number;
  /** a call older than this is listed but not read out (ms) */
  maxAgeMs?: number;
  /** silence between two steps (ms) */
  gapMs?: number;
  /** give up waiting for the chime after this (ms) */
  chimeTimeoutMs?: number;
  /** give up waiting for a sentence's end after this (ms): a voice may never report its end */
  speechTimeoutMs?: (text: string) => number;
  timers?: Timers;
}

type Step =
  | { kind: 'chime' }
  | { kind: 'speak'; text: string }
  | { kind: 'pause' };

export const ANNOUNCE_MAX_AGE_MS = 5 * 60_000;

const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * The board's announcements, one after another: each call queues a chime and its sentence said
 * twice; nothing overlaps. A step ends when the voice reports its end, or after a timeout when it
 * never does. Calls older than five minutes (a board back after a long outage) are not read out.
 */
export class Announcer {
  /** every sentence queued this session, in order */
  readonly history: string[] = [];
  private readonly steps: Step[] = [];
  private playing = false;
  /** the step now playing: a late `done` of an earlier step is ignored */
  private turn = 0;
  private timer: unknown = null;
  private on = true;
  private readonly repeat: number;
  private readonly maxAgeMs: number;
  private readonly gapMs: number;
  private readonly chimeTimeoutMs: number;
  private readonly speechTimeoutMs: (text: string) => number;
  private readonly timers: Timers;

  constructor(
    private readonly voice: Voice,
    options: AnnouncerOptions = {},
    /** told after each change of `history` */
    private readonly onQueued: (history: readonly string[]) => void = () =>
      undefined,
  ) {
    this.repeat = options.repeat ?? 2;
    this.maxAgeMs = options.maxAgeMs ?? ANNOUNCE_MAX_AGE_MS;
    this.gapMs = options.gapMs ?? 700;
    this.chimeTimeoutMs = options.chimeTimeoutMs ?? 2000;
    this.speechTimeoutMs =
      options.speechTimeoutMs ??
      ((text) => Math.min(20_000, 2000 + text.length * 500));
    this.timers = options.timers ?? browserTimers;
  }

  get enabled(): boolean {
    return this.on;
  }

  /** Sound off: stops at once and forgets what was queued; sound on: later calls are announced. */
  set enabled(on: boolean) {
    this.on = on;
    if (!on) this.stop();
  }

  get busy(): boolean {
    return this.playing;
  }

  /**
   * Queues the announcement of a call that took place at `at` (ms); false when it is not read out
   * (sound off, or the call is older than five minutes at `now`).
   */
  announce(call: FloorCall, at: number, now: number): boolean {
    if (!this.on || !(now - at <= this.maxAgeMs)) return false;
    const text = callSentence(call.number, call.windowLabel);
    this.history.push(text);
    this.onQueued(this.history);
    this.steps.push({ kind: 'chime' });
    for (let i = 0; i < this.repeat; i++)
      this.steps.push(...(i ? [{ kind: 'pause' } as Step] : []), {
        kind: 'speak',
        text,
      });
    this.steps.push({ kind: 'pause' });
    if (!this.playing) this.next();
    return true;
  }

  /** Stops what plays and drops what waits. */
  stop(): void {
    this.steps.length = 0;
    this.turn++;
    this.clearTimer();
    if (this.playing) this.voice.cancel();
    this.playing = false;
  }

  private next(): void {
    this.clearTimer();
    const step = this.steps.shift();
    if (!step) {
      this.playing = false;
      return;
    }
    this.playing = true;
    const turn = ++this.turn;
    const done = () => {
      if (turn === this.turn) this.next();
    };
    switch (step.kind) {
      case 'pause':
        this.timer = this.timers.set(done, this.gapMs);
        return;
      case 'chime':
        this.timer = this.timers.set(
          () => this.giveUp(turn),
          this.chimeTimeoutMs,
        );
        this.voice.chime(done);
        return;
      case 'speak':
        this.timer = this.timers.set(
          () => this.giveUp(turn),
          this.speechTimeoutMs(step.text),
        );
        this.voice.speak(step.text, done);
        return;
    }
  }

  /** The voice never said it was done: silence it and go on. */
  private giveUp(turn: number): void {
    if (turn !== this.turn) return;
    this.turn++;
    this.timer = null;
    this.voice.cancel();
    this.next();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
