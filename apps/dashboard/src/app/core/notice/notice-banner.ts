import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NoticeService } from './notice.service';

@Component({
  selector: 'app-notice-banner',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notices.notice(); as n) {
      <div
        class="notice"
        [class.notice-error]="n.kind === 'error'"
        role="alert"
        data-testid="notice"
      >
        <span>{{ n.key | transloco: n.params }}</span>
        <button type="button" class="btn btn-ghost" (click)="notices.clear()">
          {{ 'notice.dismiss' | transloco }}
        </button>
      </div>
    }
  `,
})
export class NoticeBanner {
  protected readonly notices = inject(NoticeService);
}
