import {
  ChangeDetectionStrategy,
  Component,
  computed,
  OnDestroy,
  OnInit,
  signal,
} from '@angular/core';
import type { PublicTicketView } from '@onewindow/contracts';
import { api, ApiError } from '../core/api';
import { windowPhrase } from '../core/i18n';
import { LangSwitch } from '../core/lang-switch';
import { t } from './messages';

/** Poll this often when the live stream cannot be held (ms). */
const POLL_MS = 15_000;

/**
 * A citizen's ticket on their phone (`/t/{statusToken}`, from the receipt's QR code): number,
 * people ahead, estimated wait, and "请到 5号窗口" when called, kept live over the ticket's event
 * stream (polling when a browser or network cannot hold one). The holder may leave the queue.
 */
@Component({
  selector: 'ow-ticket-page',
  imports: [LangSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './ticket.page.scss',
  template: `
    <header class="bar">
      <span>{{ view()?.hallName ?? t('title') }}</span>
      <ow-lang-switch />
    </header>
    <main class="ticket" [attr.data-state]="view()?.state ?? state()">
      @if (view(); as v) {
        <p class="label">{{ t('number') }}</p>
        <p class="number" data-testid="ticket-number">{{ v.number }}</p>
        <p class="item">{{ v.serviceItemName }}</p>
        @switch (v.state) {
          @case ('waiting') {
            <div
              class="status waiting"
              data-testid="ticket-status"
              role="status"
            >
              <p class="big" data-testid="ticket-position">
                {{
                  v.position === 1
                    ? t('next')
                    : t('ahead', { n: (v.position ?? 1) - 1 })
                }}
              </p>
              <p>
                {{
                  v.estimatedWaitMinutes
                    ? t('estimate', { m: v.estimatedWaitMinutes })
                    : t('estimateSoon')
                }}
              </p>
            </div>
            <p class="hint">{{ t('live') }}</p>
            @if (confirming()) {
              <div
                class="confirm"
                role="alertdialog"
                aria-labelledby="confirm-q"
              >
                <p id="confirm-q">{{ t('cancelConfirm') }}</p>
                <button
                  type="button"
                  class="danger"
                  data-testid="cancel-yes"
                  (click)="cancel()"
                >
                  {{ t('cancelYes') }}
                </button>
                <button
                  type="button"
                  class="primary"
                  (click)="confirming.set(false)"
                >
                  {{ t('cancelNo') }}
                </button>
              </div>
            } @else {
              <button
                type="button"
                class="danger"
                data-testid="cancel"
                (click)="confirming.set(true)"
              >
                {{ t('cancel') }}
              </button>
            }
          }
          @case ('called') {
            <div class="status called" data-testid="ticket-status" role="alert">
              <p class="big" data-testid="ticket-window">
                {{ t('called', { window: windowName(v) }) }}
              </p>
              @if (v.calledAt) {
                <p>{{ t('calledAt', { time: clock(v.calledAt) }) }}</p>
              }
            </div>
          }
          @case ('serving') {
            <div
              class="status serving"
              data-testid="ticket-status"
              role="status"
            >
              <p class="big">{{ t('serving', { window: windowName(v) }) }}</p>
            </div>
          }
          @default {
            <div class="status over" data-testid="ticket-status" role="status">
              <p class="big">{{ t($any(v.state)) }}</p>
            </div>
          }
        }
        @if (error()) {
          <p class="banner error" role="alert">{{ error() }}</p>
        }
        @if (offline()) {
          <p class="banner warn" role="status">{{ t('offline') }}</p>
        }
        <p class="updated">{{ t('updated', { time: clock(updatedAt()) }) }}</p>
      } @else if (state() === 'notFound') {
        <p class="banner error" role="alert" data-testid="ticket-not-found">
          {{ t('notFound') }}
        </p>
      } @else if (state() === 'offline') {
        <p class="banner warn" role="status">{{ t('offline') }}</p>
      } @else {
        <p>{{ t('loading') }}</p>
      }
    </main>
  `,
})
export class TicketPage implements OnInit, OnDestroy {
  protected readonly t = t;
  protected readonly view = signal<PublicTicketView | null>(null);
  protected readonly state = signal<
    'loading' | 'notFound' | 'offline' | 'ready'
  >('loading');
  protected readonly confirming = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly updatedAt = signal(new Date().toISOString());
  protected readonly offline = computed(
    () => this.state() === 'offline' && !!this.view(),
  );
  private readonly token = decodeURIComponent(
    location.pathname.split('/')[2] ?? '',
  );
  private source: EventSource | null = null;
  private poll: ReturnType<typeof setTimeout> | null = null;
  private lastState: string | null = null;

  ngOnInit(): void {
    void this.load().then(() => this.follow());
  }

  ngOnDestroy(): void {
    this.stop();
  }

  protected windowName(v: PublicTicketView): string {
    return v.windowLabel ? windowPhrase(v.windowLabel) : '';
  }

  protected clock(iso: string): string {
    return new Date(iso).toLocaleTimeString('zh-CN', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
    });
  }

  protected async cancel(): Promise<void> {
    this.confirming.set(false);
    this.error.set(null);
    try {
      this.show(
        await api<PublicTicketView>(
          `/public/tickets/${encodeURIComponent(this.token)}/cancel`,
          {
            method: 'POST',
          },
        ),
      );
    } catch (e) {
      const err = e as ApiError;
      this.error.set(
        err.status === 409
          ? t('cannotCancel')
          : t('cancelFailed', { message: err.message }),
      );
      await this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      this.show(
        await api<PublicTicketView>(
          `/public/tickets/${encodeURIComponent(this.token)}`,
        ),
      );
    } catch (e) {
      this.state.set((e as ApiError).status === 404 ? 'notFound' : 'offline');
    }
  }

  /** Follows the ticket live; where a stream cannot be held, asks again every POLL_MS. */
  private follow(): void {
    if (this.state() === 'notFound' || this.over()) return;
    if (typeof EventSource === 'undefined') return this.schedulePoll();
    this.source = new EventSource(
      `/api/v1/public/tickets/${encodeURIComponent(this.token)}/events`,
    );
    this.source.addEventListener('ticket', (e) => {
      this.show(
        JSON.parse((e as MessageEvent<string>).data) as PublicTicketView,
      );
      if (this.over()) this.stop();
    });
    this.source.onerror = () => {
      if (this.over()) return this.stop();
      if (this.source?.readyState === EventSource.CLOSED) {
        this.source = null;
        this.schedulePoll();
      } else if (this.view()) this.state.set('offline');
    };
  }

  private schedulePoll(): void {
    this.poll = setTimeout(async () => {
      await this.load();
      if (!this.over() && this.state() !== 'notFound') this.follow();
    }, POLL_MS);
  }

  private show(v: PublicTicketView): void {
    if (
      v.state === 'called' &&
      this.lastState !== null &&
      this.lastState !== 'called'
    )
      navigator.vibrate?.([400, 200, 400]);
    this.lastState = v.state;
    this.view.set(v);
    this.state.set('ready');
    this.updatedAt.set(new Date().toISOString());
  }

  private over(): boolean {
    const s = this.view()?.state;
    return (
      s === 'done' || s === 'no_show' || s === 'cancelled' || s === 'expired'
    );
  }

  private stop(): void {
    this.source?.close();
    this.source = null;
    if (this.poll) clearTimeout(this.poll);
    this.poll = null;
  }
}
