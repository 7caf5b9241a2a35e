import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from './language.service';

/** One button that switches between Chinese and English; labelled in the language it switches to. */
@Component({
  selector: 'app-language-switch',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="btn btn-ghost"
      data-testid="lang-switch"
      [attr.lang]="target()"
      [title]="'lang.switchLabel' | transloco"
      (click)="language.toggle()"
    >
      {{ 'lang.other' | transloco }}
    </button>
  `,
})
export class LanguageSwitch {
  protected readonly language = inject(LanguageService);
  protected readonly target = computed(() =>
    this.language.lang() === 'en' ? 'zh-CN' : 'en',
  );
}
