import type { Voice } from './announcer';

type AudioContextCtor = new () => AudioContext;

/**
 * The board's voice in a browser: a two-tone chime from the Web Audio API (none where it is
 * missing) and Mandarin speech from `speechSynthesis` (silent where it is missing). A browser that
 * wants a user gesture before it makes a sound reports it through `onBlocked`.
 */
export class BrowserVoice implements Voice {
  private audio: AudioContext | null = null;
  private chimeTimer: ReturnType<typeof setTimeout> | null = null;
  /** kept referenced while it speaks: some browsers drop an unreferenced utterance's `onend` */
  private utterance: SpeechSynthesisUtterance | null = null;

  constructor(
    private readonly onBlocked: () => void = () => undefined,
    private readonly win: Window & typeof globalThis = window,
  ) {}

  /** Whether the browser holds sound back until the user touches the page. */
  get blocked(): boolean {
    const ctx = this.context();
    if (ctx) return ctx.state === 'suspended';
    const activation = (
      this.win.navigator as Navigator & {
        userActivation?: { hasBeenActive: boolean };
      }
    ).userActivation;
    return activation ? !activation.hasBeenActive : false;
  }

  /** Call from a user gesture: lets sound play from now on. */
  unlock(): void {
    const ctx = this.context();
    if (ctx && ctx.state === 'suspended')
      void ctx.resume().catch(() => undefined);
    const synth = this.win.speechSynthesis;
    if (synth && !synth.speaking) {
      // an empty utterance inside the gesture unlocks speech in Safari and Chrome
      const u = new this.win.SpeechSynthesisUtterance('');
      u.volume = 0;
      synth.speak(u);
    }
  }

  chime(done: () => void): void {
    const ctx = this.context();
    if (!ctx || ctx.state !== 'running') {
      done();
      return;
    }
    try {
      const start = ctx.currentTime + 0.02;
      const tone = (freq: number, at: number, length: number) => {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
        osc.connect(gain).connect(ctx.destination);
        osc.start(at);
        osc.stop(at + length + 0.02);
      };
      tone(880, start, 0.35); // 叮
      tone(660, start + 0.4, 0.5); // 咚
      this.chimeTimer = setTimeout(() => {
        this.chimeTimer = null;
        done();
      }, 1000);
    } catch {
      done();
    }
  }

  speak(text: string, done: () => void): void {
    const synth = this.win.speechSynthesis;
    const Utterance = this.win.SpeechSynthesisUtterance;
    if (!synth || !Utterance) {
      done();
      return;
    }
    const u = new Utterance(text);
    u.lang = 'zh-CN';
    u.rate = 0.9;
    const voice = synth
      .getVoices()
      .find((v) => /^zh[-_]CN/i.test(v.lang) || v.lang === 'zh');
    if (voice) u.voice = voice;
    const end = () => {
      if (this.utterance === u) this.utterance = null;
      done();
    };
    u.onend = end;
    u.onerror = (e) => {
      if (e.error === 'not-allowed') this.onBlocked();
      end();
    };
    this.utterance = u;
    synth.speak(u);
  }

  cancel(): void {
    if (this.chimeTimer) clearTimeout(this.chimeTimer);
    this.chimeTimer = null;
    this.utterance = null;
    this.win.speechSynthesis?.cancel();
  }

  /** Silences the board for good (the page is going away). */
  close(): void {
    this.cancel();
    void this.audio?.close().catch(() => undefined);
    this.audio = null;
  }

  private context(): AudioContext | null {
    if (this.audio) return this.audio;
    const w = this.win as unknown as {
      AudioContext?: AudioContextCtor;
      webkitAudioContext?: AudioContextCtor;
    };
    const Ctor = w.AudioContext ?? w.webkitAudioContext;
    if (!Ctor) return null;
    try {
      this.audio = new Ctor();
    } catch {
      return null;
    }
    return this.audio;
  }
}
