import {
  ChangeDetectionStrategy,
  Component,
  OnDestroy,
  OnInit,
  signal,
} from '@angular/core';
import { windowPhrase } from '../core/i18n';
import { LangSwitch } from '../core/lang-switch';
import { ActionPad } from './action-pad';
import { ClerkSession } from './clerk-session';
import { ConsoleActions } from './console-actions';
import { ConsoleState } from './console-state';
import { CounterLogin } from './counter-login';
import { CurrentTicket } from './current-ticket';
import { CounterDesk } from './desk';
import { keydownCommand, swallowKeyup, type KeyContext } from './keyboard';
import { say, t } from './messages';
import { TodayPanel } from './today-panel';
import { TransferDialog } from './transfer-dialog';
import { WaitingPanel } from './waiting-panel';
import { WindowChooser } from './window-chooser';
import { WindowPanel } from './window-panel';

/**
 * The clerk's console at a window (窗口叫号器, `/counter`): sign in, choose the window, open/pause/close
 * it, call next / recall / start / complete / no-show / transfer with one key each, the ticket held
 * with its timers, how many wait for this window (live from the hall's stream) and the window's
 * day. A refused action (409) is explained from the fresh state of the ticket and the window.
 */
@Component({
  selector: 'ow-counter-page',
  imports: [
    ActionPad,
    CounterLogin,
    CurrentTicket,
    LangSwitch,
    TodayPanel,
    TransferDialog,
    WaitingPanel,
    WindowChooser,
    WindowPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './counter.page.scss',
  host: {
    '(document:keydown)': 'onKeydown($event)',
    '(document:keyup)': 'onKeyup($event)',
  },
  template: `
    <header class="bar">
      <span class="brand">
        {{ t('title') }}
        @if (state.hall(); as h) {
          · {{ h.name }}
        }
      </span>
      @if (state.phase() === 'console' && state.window(); as w) {
        <span class="where">{{ windowName(w.label) }}</span>
        <button
          type="button"
          class="on-bar"
          data-testid="change-window"
          (click)="state.choosing.set(true)"
        >
          {{ t('changeWindow') }}
        </button>
      }
      <span class="spacer"></span>
      @if (clerk.session(); as s) {
        <span class="who">{{ s.user.username }}</span>
        <button
          type="button"
          class="on-bar"
          data-testid="logout"
          (click)="desk.signOut()"
        >
          {{ t('logout') }}
        </button>
      }
      <ow-lang-switch />
    </header>

    <main [attr.data-phase]="state.phase()">
      @if (state.phase() !== 'login') {
        <div class="message" data-testid="counter-message" aria-live="polite">
          @if (state.notice(); as n) {
            <p
              [class]="'banner ' + n.tone"
              [attr.role]="n.tone === 'error' ? 'alert' : 'status'"
            >
              {{ say(n.msg) }}
            </p>
          }
        </div>
      }
      @switch (state.phase()) {
        @case ('login') {
          <ow-counter-login
            [error]="clerk.error()"
            [signingIn]="clerk.signingIn()"
            (signIn)="desk.signIn($event.username, $event.password)"
          />
        }
        @case ('loading') {
          <section class="panel loading">
            @if (state.loadFailed()) {
              <button
                type="button"
                class="primary"
                data-testid="retry"
                (click)="desk.start()"
              >
                {{ t('retry') }}
              </button>
            } @else {
              <p>{{ t('loading') }}</p>
            }
          </section>
        }
        @case ('choose') {
          <ow-window-chooser
            [windows]="state.usableWindows()"
            [selected]="state.windowId()"
            [canGoBack]="
              !!state.window() && state.window()?.state !== 'retired'
            "
            (chosen)="desk.selectWindow($event)"
            (back)="state.choosing.set(false)"
          />
        }
        @case ('console') {
          @if (state.window(); as w) {
            <div class="console">
              <ow-current-ticket
                [ticket]="state.current()"
                [windowOpen]="w.state === 'open'"
                [itemNames]="state.itemNames()"
                [now]="now()"
              />
              <ow-action-pad
                [allowed]="state.allowed()"
                [busy]="state.busy()"
                (act)="actions.act($event)"
              />
              <aside class="side">
                <ow-window-panel
                  [window]="w"
                  [allowed]="state.windowAllowed()"
                  [busy]="state.busy()"
                  (windowAction)="actions.setWindow($event)"
                />
                <ow-waiting-panel
                  [rows]="state.rows()"
                  [total]="state.total()"
                  [servesAll]="state.allCategories()"
                  [live]="state.live()"
                />
                <ow-today-panel [today]="state.today()" />
              </aside>
            </div>
          }
        }
      }
    </main>

    @if (state.transferFor(); as tf) {
      <ow-transfer-dialog
        [ticket]="tf"
        [find]="actions.findItems"
        [busy]="state.busy()"
        (picked)="actions.transfer($event)"
        (dismissed)="actions.closeTransfer()"
        (searchFailed)="actions.searchFailed($event)"
      />
    }
  `,
})
export class CounterPage implements OnInit, OnDestroy {
  protected readonly t = t;
  protected readonly say = say;
  protected readonly windowName = windowPhrase;
  protected readonly clerk = new ClerkSession();
  protected readonly state = new ConsoleState(this.clerk.session);
  protected readonly desk = new CounterDesk(this.state, this.clerk);
  protected readonly actions = new ConsoleActions(
    this.state,
    this.clerk,
    this.desk,
  );
  /** now (ms), ticking each second for the held ticket's timers */
  protected readonly now = signal(Date.now());
  private tick: ReturnType<typeof setInterval> | null = null;

  ngOnInit(): void {
    this.tick = setInterval(() => this.now.set(Date.now()), 1000);
    this.desk.resume();
  }

  ngOnDestroy(): void {
    this.desk.reset();
    if (this.tick) clearInterval(this.tick);
    this.tick = null;
  }

  protected onKeydown(e: KeyboardEvent): void {
    const command = keydownCommand(e, this.keyContext());
    if (!command) return;
    // the key must not also press the focused button (Space) or type into the transfer search
    e.preventDefault();
    if (command.kind === 'closeTransfer') this.actions.closeTransfer();
    else void this.actions.act(command.action);
  }

  protected onKeyup(e: KeyboardEvent): void {
    if (swallowKeyup(e, this.keyContext())) e.preventDefault();
  }

  private keyContext(): KeyContext {
    return {
      console: this.state.phase() === 'console',
      transferOpen: !!this.state.transferFor(),
    };
  }
}
