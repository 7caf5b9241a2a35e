import { EnvironmentProviders, Injectable, isDevMode } from '@angular/core';
import {
  provideTransloco,
  Translation,
  TranslocoLoader,
} from '@jsverse/transloco';
import { Observable, of } from 'rxjs';
import { DEFAULT_LANG, isLang, LANGS, TRANSLATIONS } from './languages';

@Injectable({ providedIn: 'root' })
export class BundledTranslationLoader implements TranslocoLoader {
  getTranslation(lang: string): Observable<Translation> {
    return of(TRANSLATIONS[isLang(lang) ? lang : DEFAULT_LANG]);
  }
}

export function provideI18n(): EnvironmentProviders[] {
  return provideTransloco({
    config: {
      availableLangs: [...LANGS],
      defaultLang: DEFAULT_LANG,
      fallbackLang: DEFAULT_LANG,
      reRenderOnLangChange: true,
      prodMode: !isDevMode(),
      missingHandler: { useFallbackTranslation: true, logMissingKey: true },
    },
    loader: BundledTranslationLoader,
  });
}
