import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { t } from './messages';

/** The search for a service in plain words, typed or (where the browser offers it) spoken. */
@Component({
  selector: 'ow-kiosk-search',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './kiosk-search.scss',
  template: `
    <form class="search" role="search" (submit)="submit($event)">
      <label for="kiosk-search" class="visually-hidden">{{
        t('searchLabel')
      }}</label>
      <input
        id="kiosk-search"
        data-testid="kiosk-search"
        type="search"
        autocomplete="off"
        [placeholder]="t('searchPlaceholder')"
        [value]="query()"
        (input)="typed.emit($any($event.target).value)"
      />
      @if (voiceAvailable()) {
        <button
          type="button"
          class="voice"
          data-testid="kiosk-voice"
          [attr.aria-pressed]="listening()"
          (click)="listen.emit()"
        >
          <svg class="mic" viewBox="0 0 24 24" aria-hidden="true">
            <path
              d="M12 15a3 3 0 0 0 3-3V6a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.93V22h2v-3.07A7 7 0 0 0 19 12Z"
            />
          </svg>
          {{ listening() ? t('listening') : t('voice') }}
        </button>
      }
    </form>
  `,
})
export class KioskSearch {
  readonly query = input('');
  /** the browser offers speech recognition */
  readonly voiceAvailable = input(false);
  readonly listening = input(false);
  /** the words as typed */
  readonly typed = output<string>();
  /** Enter: search now */
  readonly searched = output();
  /** the microphone button */
  readonly listen = output();
  protected readonly t = t;

  protected submit(event: Event): void {
    event.preventDefault();
    this.searched.emit();
  }
}
