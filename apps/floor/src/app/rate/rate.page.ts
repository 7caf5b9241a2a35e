import {
  ChangeDetectionStrategy,
  Component,
  OnDestroy,
  OnInit,
  signal,
} from '@angular/core';
import {
  LOW_RATING_MAX,
  RATING_REASONS,
  RATING_SCORES,
  type RatingReason,
  type RatingRequest,
  type TicketView,
} from '@onewindow/contracts';
import { openEventStream, type StreamMessage } from '@onewindow/live-client';
import { api, ApiError } from '../core/api';
import { DeviceSession } from '../core/device';
import { windowPhrase } from '../core/i18n';
import { LangSwitch } from '../core/lang-switch';
import { PairingNotice } from '../core/pairing-notice';
import { t } from './messages';
import { RatingChooser } from './rating-choice';

/** Back to the idle screen when the citizen does nothing this long (ms). */
const IDLE_MS = 60_000;
/** The thanks stay this long (ms). */
const THANKS_MS = 4000;
/** Tries of a rating the network lost, and the wait between them (ms). */
const SEND_TRIES = 3;
const SEND_RETRY_MS = 2000;
/** Try the stream again this long after the server refused it for another reason than the token (ms). */
const REFUSED_RETRY_MS = 30_000;

type Phase = 'idle' | 'ask' | 'reason' | 'sending' | 'thanks';
type Result = 'thanks' | 'closed' | 'failed';

/**
 * The 好差评 rating pad facing the citizen at one window. It follows the hall's live events; when
 * a ticket is completed at its window it asks for 1–5 (非常满意 … 非常不满意), for a low rating an
 * optional reason, sends the rating and thanks the citizen. Left alone, it goes back to idle.
 */
@Component({
  selector: 'ow-rate-page',
  imports: [LangSwitch, PairingNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './rate.page.scss',
  host: { '(pointerdown)': 'touched()' },
  template: `
    @if (session.status() !== 'ready') {
      <ow-pairing-notice [status]="session.status()" kind="rater" />
    } @else if (!windowLabel()) {
      <p class="notice" role="alert" data-testid="rate-no-window">
        {{ t('noWindow') }}
      </p>
    } @else {
      <header class="bar">
        <span class="hall">{{ hallName() }}</span>
        <span class="window" data-testid="rate-window">{{ windowName() }}</span>
        <ow-lang-switch />
      </header>
      <main class="pad" [attr.data-phase]="phase()">
        @switch (phase()) {
          @case ('idle') {
            <section class="idle" data-testid="rate-idle">
              <p class="window-big">{{ windowName() }}</p>
              <h1>{{ t('idleTitle') }}</h1>
              <p class="lead">{{ t('idleBody') }}</p>
              <p class="stars-deco" aria-hidden="true">★★★★★</p>
              @if (reconnecting()) {
                <p class="banner warn" role="status">{{ t('reconnecting') }}</p>
              }
            </section>
          }
          @case ('ask') {
            <section
              class="ask"
              data-testid="rate-ask"
              aria-labelledby="ask-title"
            >
              <h1 id="ask-title">{{ t('askTitle') }}</h1>
              <p class="for">
                {{ forBefore()
                }}<strong data-testid="rate-number">{{
                  ticket()?.number
                }}</strong
                >{{ forAfter() }}
              </p>
              <div class="scores">
                @for (s of scores; track s) {
                  <button
                    type="button"
                    class="score"
                    [attr.data-score]="s"
                    [attr.data-testid]="'rate-score-' + s"
                    (click)="choose(s)"
                  >
                    <span class="face" aria-hidden="true">{{ stars(s) }}</span>
                    <span class="label">{{ t(scoreKey(s)) }}</span>
                    <span class="n">{{ s }}</span>
                  </button>
                }
              </div>
            </section>
          }
          @case ('reason') {
            <section
              class="reason"
              data-testid="rate-reason"
              aria-labelledby="reason-title"
            >
              <h1 id="reason-title">{{ t('reasonTitle') }}</h1>
              <p class="for">
                {{ forBefore()
                }}<strong data-testid="rate-number">{{
                  ticket()?.number
                }}</strong
                >{{ forAfter() }} · {{ t(scoreKey(rating())) }}
              </p>
              <p class="hint">{{ t('reasonHint') }}</p>
              <div class="reasons">
                @for (r of reasons; track r) {
                  <button
                    type="button"
                    [attr.data-testid]="'rate-reason-' + r"
                    (click)="send(rating(), r)"
                  >
                    {{ t(reasonKey(r)) }}
                  </button>
                }
              </div>
              <button
                type="button"
                class="primary skip"
                data-testid="rate-skip"
                (click)="send(rating())"
              >
                {{ t('skip') }}
              </button>
            </section>
          }
          @case ('sending') {
            <section class="sending" role="status">
              <p class="big">{{ t('sending') }}</p>
            </section>
          }
          @case ('thanks') {
            <section
              class="thanks"
              role="status"
              data-testid="rate-thanks"
              [attr.data-result]="result()"
            >
              <p class="big">{{ t(result()) }}</p>
              <p>
                {{
                  t(
                    result() === 'thanks'
                      ? 'thanksBody'
                      : result() === 'closed'
                        ? 'closedBody'
                        : 'failedBody'
                  )
                }}
              </p>
            </section>
          }
        }
      </main>
    }
  `,
})
export class RatePage implements OnInit, OnDestroy {
  protected readonly t = t;
  protected readonly scores = RATING_SCORES;
  protected readonly reasons = RATING_REASONS;
  protected readonly session = new DeviceSession('rater');
  protected readonly phase = signal<Phase>('idle');
  protected readonly ticket = signal<TicketView | null>(null);
  protected readonly rating = signal(5);
  protected readonly result = signal<Result>('thanks');
  protected readonly reconnecting = signal(false);
  private chooser: RatingChooser | null = null;
  private closeStream: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private streamRetry: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  ngOnInit(): void {
    void this.session.start().then((me) => {
      if (!me?.window || this.destroyed) return;
      this.chooser = new RatingChooser(me.window.id);
      this.follow(me.hall.id);
    });
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.stopStream();
    this.clearTimer();
  }

  protected hallName(): string {
    return this.session.self()?.hall.name ?? '';
  }

  protected windowLabel(): string | null {
    return this.session.self()?.window?.label ?? null;
  }

  protected windowName(): string {
    return windowPhrase(this.windowLabel() ?? '');
  }

  /** "为 " and " 号的服务评价" around the number, so the number can stand out. */
  protected forBefore(): string {
    return t('askFor').split('{number}')[0] ?? '';
  }

  protected forAfter(): string {
    return t('askFor').split('{number}')[1] ?? '';
  }

  protected scoreKey(
    s: number,
  ): 'score1' | 'score2' | 'score3' | 'score4' | 'score5' {
    return `score${Math.min(5, Math.max(1, s))}` as 'score1';
  }

  protected reasonKey(r: RatingReason): `reason_${RatingReason}` {
    return `reason_${r}`;
  }

  protected stars(s: number): string {
    return '★'.repeat(s) + '☆'.repeat(5 - s);
  }

  /** Any touch while asking: the citizen is still there. */
  protected touched(): void {
    if (this.phase() === 'ask' || this.phase() === 'reason')
      this.wait(IDLE_MS, () => this.giveUp());
  }

  protected choose(score: number): void {
    if (score <= LOW_RATING_MAX) {
      this.rating.set(score);
      this.phase.set('reason');
      this.wait(IDLE_MS, () => this.giveUp());
    } else void this.send(score);
  }

  protected async send(rating: number, reason?: RatingReason): Promise<void> {
    const ticket = this.ticket();
    if (!ticket || (this.phase() !== 'ask' && this.phase() !== 'reason'))
      return;
    this.clearTimer();
    this.phase.set('sending');
    this.chooser?.done(ticket.id);
    const body: RatingRequest = reason ? { rating, reason } : { rating };
    let result: Result = 'failed';
    for (let attempt = 1; attempt <= SEND_TRIES && !this.destroyed; attempt++) {
      try {
        await api<TicketView>(
          `/tickets/${encodeURIComponent(ticket.id)}/rating`,
          {
            method: 'POST',
            token: this.session.bearer,
            body,
          },
        );
        result = 'thanks';
        break;
      } catch (e) {
        const status = e instanceof ApiError ? e.status : 0;
        if (status === 401) {
          this.revoked();
          return;
        }
        // already rated, too late, not done, another window's: nothing more to do
        if (status >= 400 && status < 500 && status !== 429) {
          result = 'closed';
          break;
        }
        if (attempt < SEND_TRIES)
          await new Promise<void>((r) => this.wait(SEND_RETRY_MS, r));
      }
    }
    if (this.destroyed) return;
    this.result.set(result);
    this.phase.set('thanks');
    this.wait(THANKS_MS, () => this.next());
  }

  private ask(ticket: TicketView): void {
    this.ticket.set(ticket);
    this.rating.set(5);
    this.phase.set('ask');
    this.wait(IDLE_MS, () => this.giveUp());
  }

  /** Nobody answered: let this ticket go. */
  private giveUp(): void {
    const ticket = this.ticket();
    if (ticket) this.chooser?.done(ticket.id);
    this.next();
  }

  /** Back to idle, unless a newer completion came meanwhile and can still be rated. */
  private next(): void {
    this.clearTimer();
    this.ticket.set(null);
    const waiting = this.chooser?.asking;
    if (waiting && this.chooser?.stillOpen(Date.now()))
      return this.ask(waiting);
    if (waiting) this.chooser?.done(waiting.id);
    this.phase.set('idle');
  }

  private follow(hallId: string): void {
    this.stopStream();
    this.closeStream = openEventStream(
      {
        url: `/api/v1/halls/${encodeURIComponent(hallId)}/events`,
        headers: () => {
          const token = this.session.bearer;
          return token ? { Authorization: `Bearer ${token}` } : null;
        },
      },
      (m) => this.onStream(m, hallId),
    );
  }

  private onStream(m: StreamMessage, hallId: string): void {
    if (this.destroyed) return;
    switch (m.kind) {
      case 'open':
        this.reconnecting.set(false);
        return;
      case 'reconnecting':
        this.reconnecting.set(true);
        return;
      case 'refused':
        if (m.status === 401) return this.revoked();
        this.reconnecting.set(true);
        this.stopStream();
        this.streamRetry = setTimeout(
          () => this.follow(hallId),
          REFUSED_RETRY_MS,
        );
        return;
      case 'event': {
        const ticket = this.chooser?.offer(m.event, Date.now());
        if (!ticket) return;
        const phase = this.phase();
        // while sending or thanking, the newer ticket waits its turn (see next())
        if (phase === 'idle' || phase === 'ask' || phase === 'reason')
          this.ask(ticket);
        return;
      }
    }
  }

  private revoked(): void {
    this.stopStream();
    this.clearTimer();
    this.phase.set('idle');
    this.ticket.set(null);
    this.session.revoked();
  }

  private wait(ms: number, fn: () => void): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.destroyed) fn();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private stopStream(): void {
    this.closeStream?.();
    this.closeStream = null;
    if (this.streamRetry) clearTimeout(this.streamRetry);
    this.streamRetry = null;
  }
}
