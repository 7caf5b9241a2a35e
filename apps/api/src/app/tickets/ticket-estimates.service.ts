import { Injectable } from '@nestjs/common';
import type { TicketView } from '@onewindow/contracts';
import {
  TicketReadQueries,
  WindowQueries,
  type TicketRow,
} from '@onewindow/persistence';
import { LRUCache } from 'lru-cache';
import {
  competingCategories,
  estimateWaitMinutes,
  windowServes,
  type ServingWindow,
} from './queue-estimate';
import { ServiceCatalog } from './service-catalog';
import { toTicketView } from '@onewindow/persistence';

/** Handling times of the last this-many done tickets of a category make the recent mean. */
const RECENT_HANDLING_SAMPLE = 50;

/** How long read-mostly inputs of the estimates are reused. */
const WINDOWS_TTL_MS = 2_000;
const HANDLING_TTL_MS = 60_000;

/** Windows that compete for a category's tickets (see `competition`). */
export interface Competition {
  /** categories whose waiting tickets compete with it; null: every category */
  categories: string[] | null;
  /** windows able to serve it */
  able: number;
}

/**
 * A waiting ticket's place and estimated wait: which tickets compete with it for the same
 * windows, how many windows can serve it, and the recent handling time of its category (the
 * pure rules are in queue-estimate.ts).
 */
@Injectable()
export class TicketEstimates {
  private readonly windowsCache = new LRUCache<
    string,
    (ServingWindow & { open: boolean })[]
  >({ max: 5_000, ttl: WINDOWS_TTL_MS });
  private readonly handlingCache = new LRUCache<string, number>({
    max: 50_000,
    ttl: HANDLING_TTL_MS,
  });

  constructor(
    private readonly reads: TicketReadQueries,
    private readonly windows: WindowQueries,
    private readonly catalog: ServiceCatalog,
  ) {}

  /** Position and estimated wait of a waiting ticket (read-only, outside any transaction). */
  async withEstimate(row: TicketRow): Promise<TicketView> {
    const [view] = await this.withEstimates([row]);
    return view;
  }

  /**
   * Views of tickets with the position and estimated wait of those waiting: one query counts the
   * tickets ahead of all of them (tickets_ahead, read from the stored rows so the queue times keep
   * their full precision).
   */
  async withEstimates(rows: TicketRow[]): Promise<TicketView[]> {
    const competitions = new Map<string, Competition>();
    const inputs: {
      id: string;
      service_date: string;
      categories: string[] | null;
    }[] = [];
    for (const r of rows) {
      if (r.state !== 'waiting') continue;
      const key = `${r.hall_id}|${r.category_code}`;
      let c = competitions.get(key);
      if (!c) {
        c = await this.competition(r.hall_id, r.category_code);
        competitions.set(key, c);
      }
      inputs.push({
        id: r.id,
        service_date: r.service_date,
        categories: c.categories,
      });
    }
    const ahead = new Map<string, number>();
    if (inputs.length) {
      const counted = await this.reads.ahead(inputs);
      for (const c of counted) ahead.set(c.id, c.ahead);
    }
    return Promise.all(
      rows.map((r) => {
        const c = competitions.get(`${r.hall_id}|${r.category_code}`);
        return r.state === 'waiting' && c && ahead.has(r.id)
          ? this.estimated(r, c, ahead.get(r.id) as number)
          : toTicketView(r);
      }),
    );
  }

  /** The ticket's view with its position and estimate, given the tickets ahead of it. */
  async estimated(
    row: TicketRow,
    competition: Competition,
    ahead: number,
  ): Promise<TicketView> {
    const handling = await this.handlingMinutes(row);
    return toTicketView(row, {
      position: ahead + 1,
      estimatedWaitMinutes: estimateWaitMinutes(
        ahead,
        handling,
        competition.able,
      ),
    });
  }

  /**
   * Which waiting tickets compete with a category for the same windows, and how many windows
   * can serve it: the open ones, or when none of those serve it, the ones that would once open.
   */
  async competition(
    hallId: string,
    categoryCode: string,
  ): Promise<Competition> {
    const windows = await this.servingWindows(hallId);
    const open = windows.filter((w) => w.open);
    const serving = open.some((w) => windowServes(w, categoryCode))
      ? open
      : windows;
    return {
      categories: competingCategories(serving, categoryCode),
      able: serving.filter((w) => windowServes(w, categoryCode)).length,
    };
  }

  private async servingWindows(
    hallId: string,
  ): Promise<(ServingWindow & { open: boolean })[]> {
    const hit = this.windowsCache.get(hallId);
    if (hit) return hit;
    const rows = await this.windows.serving(hallId);
    const windows = rows.map((w) => ({
      mode: w.mode,
      categoryCodes: w.category_codes,
      open: w.state === 'open',
    }));
    this.windowsCache.set(hallId, windows);
    return windows;
  }

  /** Mean handling minutes of the category's recent done tickets, else the item's typical time; cached a minute. */
  private async handlingMinutes(row: TicketRow): Promise<number> {
    const key = `${row.hall_id}|${row.category_code}|${row.service_date}`;
    let mean = this.handlingCache.get(key);
    if (mean === undefined) {
      const recent = await this.reads.recentHandlingMinutes(
        row.hall_id,
        row.category_code,
        row.service_date,
        RECENT_HANDLING_SAMPLE,
      );
      mean = recent === null ? NaN : Number(recent);
      this.handlingCache.set(key, mean);
    }
    if (Number.isFinite(mean)) return mean;
    const item = (await this.catalog.all()).get(row.service_item_code);
    return Number(item?.typical_handling_minutes ?? 10);
  }
}
