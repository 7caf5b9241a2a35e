import { ChangeDetectionStrategy, Component } from '@angular/core';
import { common } from './common-messages';
import { lang, setLang } from './i18n';

/** 中文 / English, one tap. */
@Component({
  selector: 'ow-lang-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<button
    type="button"
    class="lang-switch"
    data-testid="lang-switch"
    [attr.aria-label]="t('otherLangLabel')"
    (click)="toggle()"
  >
    {{ t('otherLang') }}
  </button>`,
})
export class LangSwitch {
  protected readonly t = common;

  protected toggle(): void {
    setLang(lang() === 'zh' ? 'en' : 'zh');
  }
}
