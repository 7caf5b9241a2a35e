import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TicketView } from '@onewindow/contracts';
import type { QrSvg } from '@onewindow/qr';
import { peopleAhead } from './issued-ticket';
import { t } from './messages';

/**
 * The receipt, only ever printed (58 or 80 mm thermal paper): hall, number, service, people ahead,
 * time, and the QR code of the citizen's ticket page.
 */
@Component({
  selector: 'ow-kiosk-receipt',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './kiosk-receipt.scss',
  template: `
    <section
      class="receipt"
      [class.narrow]="paper() === '58'"
      data-testid="receipt"
      aria-hidden="true"
    >
      <p class="r-hall">{{ hallName() }}</p>
      <p class="r-title">{{ t('receiptTitle') }}</p>
      <p class="r-number">{{ ticket().number }}</p>
      <p>{{ t('receiptItem', { name: itemName() }) }}</p>
      <p>{{ t('receiptAhead', { n: ahead() }) }}</p>
      <p>{{ t('receiptTime', { time: time() }) }}</p>
      @if (qr(); as code) {
        <svg
          class="r-qr"
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
      }
      <p>{{ t('receiptScan') }}</p>
      <p>{{ t('receiptKeep') }}</p>
    </section>
  `,
})
export class KioskReceipt {
  readonly ticket = input.required<TicketView>();
  readonly hallName = input('');
  readonly itemName = input('');
  /** when it was printed, as the kiosk's clock shows it */
  readonly time = input('');
  readonly qr = input<QrSvg | null>(null);
  readonly paper = input<'58' | '80'>('80');
  protected readonly t = t;

  protected ahead(): number {
    return peopleAhead(this.ticket());
  }
}
