import {
  ChangeDetectionStrategy,
  Component,
  computed,
  OnDestroy,
  OnInit,
  signal,
} from '@angular/core';
import type {
  CategoryView,
  ListResponse,
  QueueSnapshot,
  ServiceItemView,
  TicketPriority,
  TicketView,
} from '@onewindow/contracts';
import { qrSvg, type QrSvg } from '@onewindow/qr';
import { api, ApiError } from '../core/api';
import { DeviceSession } from '../core/device';
import { lang } from '../core/i18n';
import { LangSwitch } from '../core/lang-switch';
import { PairingNotice } from '../core/pairing-notice';
import { CategoryTiles } from './category-tiles';
import { IssuedTicket } from './issued-ticket';
import { ItemList } from './item-list';
import { KioskConfirm } from './kiosk-confirm';
import { KioskReceipt } from './kiosk-receipt';
import { KioskSearch } from './kiosk-search';
import { t } from './messages';
import {
  ELDERLY_KEY,
  PAPER_KEY,
  paperWidth,
  readElderly,
  readSetting,
  writeSetting,
} from './settings';
import { TicketTaker } from './ticket-taker';
import { VoiceInput } from './voice-input';

/** Back to the first screen after this long without a touch (ms). */
export const IDLE_RESET_MS = 30_000;
const SEARCH_DEBOUNCE_MS = 250;
const QUEUE_REFRESH_MS = 30_000;

type Screen = 'home' | 'list' | 'confirm' | 'ticket';

/**
 * The web ticket machine (`/kiosk`, a paired kiosk device): find the business by plain words, by
 * voice where the browser offers it, or by department; priority for seniors, disabled and
 * pregnant visitors; the ticket with its number, people ahead and estimated wait, a receipt for a
 * 58/80 mm printer and a QR code of the citizen's ticket page. A senior mode (适老化) is one tap
 * away on the first screen. Every try of one request carries one Idempotency-Key (TicketRequest):
 * never two tickets.
 */
@Component({
  selector: 'ow-kiosk-page',
  imports: [
    CategoryTiles,
    IssuedTicket,
    ItemList,
    KioskConfirm,
    KioskReceipt,
    KioskSearch,
    LangSwitch,
    PairingNotice,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './kiosk.page.scss',
  host: {
    '[class.elderly]': 'elderly()',
    '[attr.data-screen]': 'screen()',
    '(document:pointerdown)': 'activity()',
    '(document:keydown)': 'activity()',
  },
  templateUrl: './kiosk.page.html',
})
export class KioskPage implements OnInit, OnDestroy {
  protected readonly t = t;
  protected readonly device = new DeviceSession('kiosk');
  protected readonly screen = signal<Screen>('home');
  protected readonly elderly = signal(readElderly());
  protected readonly categories = signal<CategoryView[]>([]);
  protected readonly waiting = signal<Record<string, number>>({});
  protected readonly query = signal('');
  protected readonly listTitle = signal('');
  protected readonly items = signal<ServiceItemView[] | null>(null);
  protected readonly chosen = signal<ServiceItemView | null>(null);
  protected readonly priority = signal<TicketPriority>('normal');
  protected readonly problem = signal<string | null>(null);
  protected readonly ticket = signal<TicketView | null>(null);
  protected readonly qr = signal<QrSvg | null>(null);
  protected readonly ticketUrl = signal('');
  protected readonly paper = signal<'58' | '80'>('80');
  protected readonly now = signal(new Date());
  protected readonly voice = new VoiceInput();
  protected readonly hallName = computed(
    () => this.device.self()?.hall.name ?? '',
  );

  protected readonly taker = new TicketTaker({
    body: () => {
      const item = this.chosen();
      return item
        ? { serviceItemCode: item.code, priority: this.priority() }
        : null;
    },
    send: (body, key) =>
      this.hallApi<TicketView>('/tickets', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': key },
      }),
    confirming: () => this.screen() === 'confirm',
    issued: (ticket) => this.showTicket(ticket),
    revoked: () => this.device.revoked(),
    problem: (text) => this.problem.set(text),
  });
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private clockTimer: ReturnType<typeof setInterval> | null = null;
  private queueTimer: ReturnType<typeof setInterval> | null = null;
  private searchSeq = 0;
  private pageStyle: HTMLStyleElement | null = null;

  ngOnInit(): void {
    this.paper.set(
      paperWidth(this.device.settings.get('paper'), readSetting(PAPER_KEY)),
    );
    writeSetting(PAPER_KEY, this.paper());
    this.pageStyle = document.createElement('style');
    this.pageStyle.textContent = `@page { size: ${this.paper()}mm auto; margin: 0; }`;
    document.head.appendChild(this.pageStyle);
    this.clockTimer = setInterval(() => this.now.set(new Date()), 15_000);
    void this.device.start().then((me) => {
      if (!me) return;
      void this.loadCategories();
      void this.loadWaiting();
      this.queueTimer = setInterval(() => {
        if (this.screen() === 'home') void this.loadWaiting();
      }, QUEUE_REFRESH_MS);
    });
  }

  ngOnDestroy(): void {
    for (const timer of [this.idleTimer, this.searchTimer])
      if (timer) clearTimeout(timer);
    for (const timer of [this.clockTimer, this.queueTimer])
      if (timer) clearInterval(timer);
    this.taker.cancel();
    this.voice.stop();
    this.pageStyle?.remove();
  }

  /** Any touch, click or key restarts the idle countdown. */
  protected activity(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.resetToHome(), IDLE_RESET_MS);
  }

  protected toggleElderly(): void {
    this.elderly.update((on) => !on);
    writeSetting(ELDERLY_KEY, this.elderly() ? '1' : '0');
  }

  protected clock(d: Date): string {
    return d.toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  }

  protected onSearchInput(value: string): void {
    this.query.set(value);
    if (this.searchTimer) clearTimeout(this.searchTimer);
    if (!value.trim()) {
      this.items.set(null);
      if (this.screen() === 'list') this.screen.set('home');
      return;
    }
    this.searchTimer = setTimeout(
      () => void this.search(value),
      SEARCH_DEBOUNCE_MS,
    );
  }

  protected submitSearch(): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    if (this.query().trim()) void this.search(this.query());
  }

  protected listen(): void {
    this.problem.set(null);
    this.voice.start(
      (text) => {
        this.query.set(text);
        void this.search(text);
      },
      () => this.problem.set(this.t('voiceFailed')),
    );
  }

  protected async openCategory(c: CategoryView): Promise<void> {
    this.listTitle.set(c.name);
    this.items.set(null);
    this.screen.set('list');
    const seq = ++this.searchSeq;
    try {
      const res = await this.hallApi<ListResponse<ServiceItemView>>(
        `/service-items?category=${encodeURIComponent(c.code)}&limit=100`,
      );
      if (seq === this.searchSeq) this.items.set(res.items);
    } catch (e) {
      this.showError(e);
    }
  }

  protected choose(item: ServiceItemView): void {
    this.chosen.set(item);
    this.problem.set(null);
    if (this.elderly()) {
      // fewer steps: a senior's tap on the service takes a green-channel ticket at once
      this.priority.set('priority');
      this.screen.set('confirm');
      void this.take();
      return;
    }
    this.priority.set('normal');
    this.screen.set('confirm');
  }

  /** Takes the ticket; a tap while a try is under way joins it, a retry reuses the key. */
  protected take(): Promise<void> {
    return this.taker.take();
  }

  protected print(): void {
    try {
      window.print();
    } catch {
      /* no printer: the QR code on the screen still works */
    }
  }

  protected resetToHome(): void {
    this.taker.reset();
    this.voice.stop();
    this.screen.set('home');
    this.query.set('');
    this.items.set(null);
    this.chosen.set(null);
    this.ticket.set(null);
    this.qr.set(null);
    this.problem.set(null);
  }

  protected back(): void {
    this.taker.cancel();
    this.problem.set(null);
    this.screen.set(this.items() ? 'list' : 'home');
  }

  private showTicket(issued: TicketView): void {
    this.problem.set(null);
    this.ticket.set(issued);
    const url = issued.statusUrl
      ? new URL(issued.statusUrl, location.origin).toString()
      : '';
    this.ticketUrl.set(url);
    this.qr.set(url ? qrSvg(url) : null);
    this.screen.set('ticket');
    this.activity();
    if (this.device.settings.get('print') !== 'off')
      setTimeout(() => this.print(), 300);
  }

  private async search(text: string): Promise<void> {
    const seq = ++this.searchSeq;
    this.listTitle.set(this.t('results'));
    this.screen.set('list');
    try {
      const res = await this.hallApi<ListResponse<ServiceItemView>>(
        `/service-items?q=${encodeURIComponent(text)}&limit=8`,
      );
      if (seq === this.searchSeq) this.items.set(res.items);
    } catch (e) {
      if (seq === this.searchSeq) this.showError(e);
    }
  }

  private async loadCategories(): Promise<void> {
    try {
      this.categories.set(
        await api<CategoryView[]>('/categories', { token: this.device.bearer }),
      );
    } catch (e) {
      this.showError(e);
    }
  }

  private async loadWaiting(): Promise<void> {
    try {
      const q = await this.hallApi<QueueSnapshot>('/queue');
      this.waiting.set(
        Object.fromEntries(q.waiting.map((w) => [w.categoryCode, w.count])),
      );
    } catch {
      /* the tiles simply show no counts */
    }
  }

  private showError(e: unknown): void {
    const err = e instanceof ApiError ? e : new ApiError(0, String(e));
    if (err.status === 401) this.device.revoked();
    else
      this.problem.set(
        err.unreachable
          ? this.t('offlineGiveUp')
          : this.t('failed', { message: err.message }),
      );
  }

  private hallApi<T>(
    path: string,
    req: {
      method?: 'POST';
      body?: unknown;
      headers?: Record<string, string>;
    } = {},
  ): Promise<T> {
    const hall = this.device.self()?.hall.id ?? '';
    return api<T>(`/halls/${hall}${path}`, {
      ...req,
      token: this.device.bearer,
    });
  }
}
