import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { DEFAULT_LANG, isLang, Lang, LANGS } from './languages';

export const LANG_STORAGE_KEY = 'ow.lang';

/** The active UI language: Chinese by default, English on request; remembered in localStorage. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>(DEFAULT_LANG);
  readonly lang = this.current.asReadonly();

  constructor() {
    // both languages are bundled: load them now so synchronous translate() calls always find them
    for (const lang of LANGS) this.transloco.load(lang).subscribe();
    this.apply(this.stored() ?? DEFAULT_LANG);
  }

  use(lang: Lang): void {
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // storage may be unavailable (private mode); the switch still works for this page
    }
    this.apply(lang);
  }

  toggle(): void {
    this.use(this.current() === 'en' ? 'zh-CN' : 'en');
  }

  private apply(lang: Lang): void {
    this.current.set(lang);
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
  }

  private stored(): Lang | null {
    try {
      const value = localStorage.getItem(LANG_STORAGE_KEY);
      return isLang(value) ? value : null;
    } catch {
      return null;
    }
  }
}
