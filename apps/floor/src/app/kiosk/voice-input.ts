import { signal } from '@angular/core';

/** The part of the Web Speech API's recognition the kiosk uses. */
interface Recognition {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult:
    | ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void)
    | null;
  onerror: (() => void) | null;
  onend: (() => void) | null;
  start(): void;
  abort(): void;
}

type RecognitionConstructor = new () => Recognition;

/**
 * Voice input where the browser offers speech recognition (Chromium's needs a secure origin and its
 * recognition service; elsewhere the microphone button is simply not shown).
 */
export class VoiceInput {
  private readonly ctor: RecognitionConstructor | null =
    ((globalThis as Record<string, unknown>)[
      'SpeechRecognition'
    ] as RecognitionConstructor) ??
    ((globalThis as Record<string, unknown>)[
      'webkitSpeechRecognition'
    ] as RecognitionConstructor) ??
    null;
  private current: Recognition | null = null;
  readonly available = !!this.ctor && globalThis.isSecureContext !== false;
  readonly listening = signal(false);

  start(onText: (text: string) => void, onFail: () => void): void {
    if (!this.ctor || this.current) return;
    const r = new this.ctor();
    r.lang = 'zh-CN';
    r.interimResults = false;
    r.maxAlternatives = 1;
    let heard = false;
    r.onresult = (e) => {
      const text = e.results[0]?.[0]?.transcript?.trim();
      if (text) {
        heard = true;
        onText(text);
      }
    };
    r.onerror = () => undefined;
    r.onend = () => {
      this.current = null;
      this.listening.set(false);
      if (!heard) onFail();
    };
    this.current = r;
    this.listening.set(true);
    try {
      r.start();
    } catch {
      this.current = null;
      this.listening.set(false);
      onFail();
    }
  }

  stop(): void {
    this.current?.abort();
    this.current = null;
    this.listening.set(false);
  }
}
