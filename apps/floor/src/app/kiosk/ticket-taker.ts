import { signal } from '@angular/core';
import type { TicketView } from '@onewindow/contracts';
import { ApiError } from '../core/api';
import { t } from './messages';
import { TicketRequest, type IssueBody } from './ticket-request';

/** Tries after the API could not be reached, before asking the citizen. */
export const OFFLINE_TRIES = 5;
export const OFFLINE_RETRY_MS = 3_000;

/** What the taker needs of the kiosk page. */
export interface TakerHooks {
  /** what the citizen chose; null: nothing (no ticket is taken) */
  body(): IssueBody | null;
  /** sends the request with its Idempotency-Key */
  send(body: IssueBody, key: string): Promise<TicketView>;
  /** the confirm screen is still shown (a citizen who left it is not retried for) */
  confirming(): boolean;
  issued(ticket: TicketView): void;
  /** the API refused the device's token */
  revoked(): void;
  /** what to tell the citizen now; null: nothing */
  problem(text: string | null): void;
}

/**
 * The tap on 取号 and what follows: the request (one Idempotency-Key for every try of the same
 * choice, so never two tickets), a few quiet retries while the network is down, a countdown and a
 * retry when the system is busy (503/429, after Retry-After), and otherwise the reason in words,
 * with a retry button where a retry may help.
 */
export class TicketTaker {
  readonly issuing = signal(false);
  /** a retry may help: the page offers the button */
  readonly canRetry = signal(false);
  private countdown: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly hooks: TakerHooks,
    private readonly request = new TicketRequest(),
    private readonly offlineRetryMs = OFFLINE_RETRY_MS,
  ) {}

  /** Takes the ticket; a tap while a try is under way joins it, a retry reuses the key. */
  async take(): Promise<void> {
    const body = this.hooks.body();
    if (!body) return;
    this.issuing.set(true);
    this.hooks.problem(null);
    this.canRetry.set(false);
    this.stopCountdown();
    for (let attempt = 1; ; attempt++) {
      try {
        const issued = await this.request.issue(body, this.hooks.send);
        this.request.reset();
        this.issuing.set(false);
        this.hooks.issued(issued);
        return;
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(0, String(e));
        if (err.status === 401) return this.hooks.revoked();
        if (err.unreachable && attempt < OFFLINE_TRIES) {
          this.hooks.problem(t('offlineRetry', { n: attempt }));
          await new Promise((r) => setTimeout(r, this.offlineRetryMs));
          if (!this.hooks.confirming()) return;
          continue;
        }
        this.issuing.set(false);
        if (err.unreachable) {
          this.hooks.problem(t('offlineGiveUp'));
          this.canRetry.set(true);
        } else if (
          (err.status === 503 || err.status === 429) &&
          this.hooks.confirming()
        ) {
          this.countDownAndRetry(err.retryAfterSeconds ?? 5);
        } else {
          this.hooks.problem(t('failed', { message: err.message }));
          this.canRetry.set(err.status >= 500);
        }
        return;
      }
    }
  }

  /** The citizen went back to the choice: no countdown, nothing under way (the key is kept). */
  cancel(): void {
    this.stopCountdown();
    this.issuing.set(false);
  }

  /** The citizen is done, or left: the next tap is a new request. */
  reset(): void {
    this.cancel();
    this.request.reset();
    this.canRetry.set(false);
  }

  private countDownAndRetry(seconds: number): void {
    let left = Math.max(1, Math.ceil(seconds));
    this.hooks.problem(t('busyRetry', { s: left }));
    this.countdown = setInterval(() => {
      left--;
      if (!this.hooks.confirming()) return this.stopCountdown();
      if (left > 0) {
        this.hooks.problem(t('busyRetry', { s: left }));
        return;
      }
      this.stopCountdown();
      void this.take();
    }, 1000);
  }

  private stopCountdown(): void {
    if (this.countdown) clearInterval(this.countdown);
    this.countdown = null;
  }
}
