import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import type { TicketView } from '@onewindow/contracts';
import type { QrSvg } from '@onewindow/qr';
import { t } from './messages';

/** How many are ahead of a ticket just issued (its position counts the ticket itself). */
export function peopleAhead(v: TicketView): number {
  return Math.max(0, (v.position ?? 1) - 1);
}

/**
 * The ticket just taken, on the screen: the number, the service, the people ahead and the estimated
 * wait, and the QR code of the citizen's ticket page.
 */
@Component({
  selector: 'ow-issued-ticket',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './issued-ticket.scss',
  template: `
    @let v = ticket();
    <section
      class="issued"
      aria-labelledby="issued-h"
      data-testid="kiosk-ticket"
    >
      <h1 id="issued-h">{{ t('yourNumber') }}</h1>
      <p class="number" data-testid="issued-number">{{ v.number }}</p>
      <p class="confirm-item">{{ itemName() }}</p>
      <p class="ahead" data-testid="issued-ahead">
        {{ ahead() === 0 ? t('next') : t('ahead', { n: ahead() }) }}
      </p>
      <p>
        {{
          v.estimatedWaitMinutes
            ? t('estimate', { m: v.estimatedWaitMinutes })
            : t('estimateSoon')
        }}
      </p>
      @if (qr(); as code) {
        <figure class="qr-box">
          <svg
            class="qr"
            data-testid="ticket-qr"
            role="img"
            [attr.aria-label]="t('scan')"
            [attr.viewBox]="'0 0 ' + code.size + ' ' + code.size"
            shape-rendering="crispEdges"
          >
            <rect
              [attr.width]="code.size"
              [attr.height]="code.size"
              fill="#fff"
            />
            <path [attr.d]="code.path" fill="#000" />
          </svg>
          <figcaption>{{ t('scan') }}</figcaption>
        </figure>
      }
      <p class="hint">{{ t('printing') }}</p>
      <div class="actions">
        <button type="button" (click)="reprint.emit()">
          {{ t('reprint') }}
        </button>
        <button
          type="button"
          class="primary"
          data-testid="kiosk-done"
          (click)="done.emit()"
        >
          {{ t('done') }}
        </button>
      </div>
    </section>
  `,
})
export class IssuedTicket {
  readonly ticket = input.required<TicketView>();
  readonly itemName = input('');
  /** the QR code of the ticket's page; null when the API gave no address */
  readonly qr = input<QrSvg | null>(null);
  readonly reprint = output();
  readonly done = output();
  protected readonly t = t;

  protected ahead(): number {
    return peopleAhead(this.ticket());
  }
}
