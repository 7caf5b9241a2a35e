import { CATEGORIES, SERVICE_ITEMS } from './catalog';
import { dayOf, isHallOpen } from './calendar';
import { ConsultationRow, consultationRows } from './consultations';
import { copyLines } from './copy';
import { FACTS } from './facts';
import { FootfallRow, footfallDay, localTs } from './footfall';
import { HandlingRow, handlingDays } from './handling';
import { GENERATED_REGIONS, HALL_SPECS, HallSpec } from './halls';
import { hallId } from './ids';
import {
  HallStaff,
  ReassignmentRow,
  StaffRow,
  generateHallStaff,
} from './staff';
import { TargetRow, targetRows } from './targets';
import { HallTicketModel, Ticket, TicketDay } from './tickets';
import { UserRow, userRows } from './users';
import { SPAN_FROM, SPAN_TO, dailyVisitors } from './visitors';
import { HallWindows, WindowEventRow, WindowRow } from './windows';

export type DemoProfile = 'full' | 'small';
/** 2020-09-23: the day the report appeared. */
export const DEFAULT_SEED = 20200923;

export interface DemoOptions {
  seed?: number;
  profile?: DemoProfile;
}

/** Which halls get tickets and door counts, and for which days. */
export interface TicketPlan {
  hallKey: string;
  from: string;
  to: string;
}

export const PROFILE_TICKETS: Record<DemoProfile, readonly TicketPlan[]> = {
  full: [
    { hallKey: 'fuyang', from: SPAN_FROM, to: SPAN_TO },
    { hallKey: 'yiwu', from: SPAN_FROM, to: SPAN_TO },
  ],
  small: [{ hallKey: 'fuyang', from: '2020-08-17', to: '2020-08-30' }],
};

/**
 * Which halls get door counts, and for which days: the ticket halls' whole span, in both profiles
 * (two counters, 34 quarter hours a day: a few tens of thousands of rows), so Fuyang's visitors per
 * day (≈5,000 in 2019, ≈2,500 in 2020) can be read from any demo database.
 */
export const PROFILE_FOOTFALL: Record<DemoProfile, readonly TicketPlan[]> = {
  full: PROFILE_TICKETS.full,
  small: [{ hallKey: 'fuyang', from: SPAN_FROM, to: SPAN_TO }],
};

export interface RegionRow {
  code: string;
  name: string;
  name_en: string;
  level: 'province' | 'city' | 'county' | 'township';
  parent_code: string | null;
}

export interface HallRow {
  id: string;
  key: string;
  name: string;
  name_en: string;
  region_code: string;
  kind: HallSpec['kind'];
}

export interface CategoryRow {
  code: string;
  name: string;
  name_en: string;
  ticket_prefix: string;
  sort_order: number;
}

export interface ServiceItemRow {
  code: string;
  name: string;
  category_code: string;
  aliases: string[];
  online_available: boolean;
  typical_handling_minutes: number;
  bundle: string | null;
}

export interface TicketCounterRow {
  hall_id: string;
  service_date: string;
  prefix: string;
  last_value: number;
}

/** A chunk of COPY text and the number of rows in it. */
export interface CopyChunk {
  text: string;
  rows: number;
}

export interface TableStream {
  table: string;
  columns: readonly string[];
  chunks(): Iterable<CopyChunk>;
}

export const TICKET_COLUMNS = [
  'id',
  'service_date',
  'hall_id',
  'number',
  'prefix',
  'sequence',
  'service_item_code',
  'category_code',
  'priority',
  'channel',
  'state',
  'issued_at',
  'queue_at',
  'called_at',
  'started_at',
  'completed_at',
  'cancelled_at',
  'window_id',
  'staff_id',
  'recall_count',
  'outcome',
  'rating',
  'transferred_from_id',
] as const;

/** COPY line of one ticket (hand-written: 1.5 million of them). */
export function ticketLine(t: Ticket, date: string, hall: string): string {
  const ts = (s: number | null): string =>
    s === null ? '\\N' : localTs(date, s);
  return (
    `${t.id}\t${date}\t${hall}\t${t.number}\t${t.prefix}\t${t.sequence}\t${t.itemCode}\t${t.categoryCode}\t${t.priority}\t${t.channel}\t` +
    `${t.state}\t${ts(t.issued)}\t${ts(t.queued)}\t${ts(t.called)}\t${ts(t.started)}\t${ts(t.completed)}\t${ts(t.cancelled)}\t` +
    `${t.windowId ?? '\\N'}\t\\N\t${t.recallCount}\t${t.outcome ?? '\\N'}\t${t.rating ?? '\\N'}\t${t.transferredFromId ?? '\\N'}\n`
  );
}

const CHUNK_CHARS = 256 * 1024;

/** Groups row batches into COPY chunks of about CHUNK_CHARS characters. */
function* batched<T extends object>(
  batches: Iterable<T[]>,
  columns: readonly (keyof T & string)[],
): Generator<CopyChunk> {
  let text = '';
  let rows = 0;
  for (const b of batches) {
    if (b.length === 0) continue;
    text += copyLines(b, columns);
    rows += b.length;
    if (text.length >= CHUNK_CHARS) {
      yield { text, rows };
      text = '';
      rows = 0;
    }
  }
  if (rows > 0) yield { text, rows };
}

/**
 * The whole demo data set, generated lazily and deterministically from a seed: the same seed and
 * profile give byte-identical rows on every run.
 */
export class DemoDataset {
  readonly seed: number;
  readonly profile: DemoProfile;
  readonly ticketPlans: readonly TicketPlan[];
  private readonly windowsCache = new Map<string, HallWindows>();
  private readonly staffCache = new Map<string, HallStaff>();
  private readonly visitorsCache = new Map<string, Map<number, number>>();

  constructor(options: DemoOptions = {}) {
    this.seed = options.seed ?? DEFAULT_SEED;
    this.profile = options.profile ?? 'full';
    this.ticketPlans = PROFILE_TICKETS[this.profile];
  }

  get hallSpecs(): readonly HallSpec[] {
    return HALL_SPECS;
  }

  regions(): RegionRow[] {
    return [...FACTS.regions, ...GENERATED_REGIONS].map((r) => ({
      code: r.code,
      name: r.name,
      name_en: r.nameEn,
      level: r.level,
      parent_code: r.parent,
    }));
  }

  halls(): HallRow[] {
    return HALL_SPECS.map((h) => ({
      id: hallId(h.key),
      key: h.key,
      name: h.name,
      name_en: h.nameEn,
      region_code: h.regionCode,
      kind: h.kind,
    }));
  }

  categories(): CategoryRow[] {
    return CATEGORIES.map((c) => ({
      code: c.code,
      name: c.name,
      name_en: c.nameEn,
      ticket_prefix: c.prefix,
      sort_order: c.sortOrder,
    }));
  }

  serviceItems(): ServiceItemRow[] {
    return SERVICE_ITEMS.map((i) => ({
      code: i.code,
      name: i.name,
      category_code: i.categoryCode,
      aliases: i.aliases,
      online_available: i.onlineAvailable,
      typical_handling_minutes: i.typicalHandlingMinutes,
      bundle: i.bundle,
    }));
  }

  hallWindows(key: string): HallWindows {
    let hw = this.windowsCache.get(key);
    if (!hw) {
      const spec = HALL_SPECS.find((h) => h.key === key);
      if (!spec) throw new Error(`unknown hall ${key}`);
      hw = new HallWindows(spec);
      this.windowsCache.set(key, hw);
    }
    return hw;
  }

  windows(): WindowRow[] {
    return HALL_SPECS.flatMap((h) => this.hallWindows(h.key).rows());
  }

  windowEvents(): WindowEventRow[] {
    return HALL_SPECS.flatMap((h) => this.hallWindows(h.key).events);
  }

  private hallStaff(key: string): HallStaff {
    let s = this.staffCache.get(key);
    if (!s) {
      const spec = HALL_SPECS.find((h) => h.key === key) as HallSpec;
      s = generateHallStaff(spec, this.hallWindows(key), this.seed);
      this.staffCache.set(key, s);
    }
    return s;
  }

  staff(): StaffRow[] {
    return HALL_SPECS.flatMap((h) => this.hallStaff(h.key).staff);
  }

  reassignments(): ReassignmentRow[] {
    return HALL_SPECS.flatMap((h) => this.hallStaff(h.key).reassignments);
  }

  /** Daily visitors of a hall with door counters (open days of 2019–2020). */
  visitors(key: string): Map<number, number> {
    let v = this.visitorsCache.get(key);
    if (!v) {
      const spec = HALL_SPECS.find((h) => h.key === key) as HallSpec;
      v = dailyVisitors(spec, this.seed);
      this.visitorsCache.set(key, v);
    }
    return v;
  }

  /** First and last service date with tickets (for ensure_ticket_partitions). */
  ticketSpan(): { from: string; to: string } {
    const from = this.ticketPlans.map((p) => p.from).sort()[0];
    const to = this.ticketPlans
      .map((p) => p.to)
      .sort()
      .reverse()[0];
    return { from, to };
  }

  private *planDays(
    plans: readonly TicketPlan[] = this.ticketPlans,
  ): Generator<{ plan: TicketPlan; day: number }> {
    for (const plan of plans) {
      for (let d = dayOf(plan.from); d <= dayOf(plan.to); d++)
        if (isHallOpen(d)) yield { plan, day: d };
    }
  }

  ticketModel(key: string): HallTicketModel {
    const spec = HALL_SPECS.find((h) => h.key === key) as HallSpec;
    return new HallTicketModel(
      spec,
      this.hallWindows(key),
      this.visitors(key),
      this.seed,
    );
  }

  /** Tickets, one hall-day at a time (hall by hall, in date order). */
  *ticketDays(): Generator<TicketDay> {
    const models = new Map<string, HallTicketModel>();
    for (const { plan, day } of this.planDays()) {
      let m = models.get(plan.hallKey);
      if (!m) {
        m = this.ticketModel(plan.hallKey);
        models.set(plan.hallKey, m);
      }
      yield m.day(day);
    }
  }

  /** Door counts of the profile's halls and days (PROFILE_FOOTFALL). */
  *footfallDays(): Generator<FootfallRow[]> {
    for (const { plan, day } of this.planDays(PROFILE_FOOTFALL[this.profile])) {
      yield footfallDay(
        plan.hallKey,
        day,
        this.visitors(plan.hallKey).get(day) ?? 0,
        this.seed,
      );
    }
  }

  /** Handling records of every hall, day by day. */
  *handlingDays(): Generator<HandlingRow[]> {
    for (const h of HALL_SPECS) {
      yield* handlingDays(
        h,
        this.hallWindows(h.key),
        this.visitors(h.key),
        this.seed,
      );
    }
  }

  consultations(): ConsultationRow[] {
    return HALL_SPECS.flatMap((h) => consultationRows(h, this.seed));
  }

  targets(): TargetRow[] {
    return targetRows();
  }

  users(): UserRow[] {
    return userRows(this.seed);
  }

  /** COPY chunks of the tickets; collects the ticket_counters rows on the way. */
  private *ticketChunks(counters: TicketCounterRow[]): Generator<CopyChunk> {
    let parts: string[] = [];
    let size = 0;
    let rows = 0;
    for (const d of this.ticketDays()) {
      for (const t of d.tickets) {
        const line = ticketLine(t, d.date, d.hallId);
        parts.push(line);
        size += line.length;
      }
      rows += d.tickets.length;
      for (const [prefix, last] of d.counters)
        counters.push({
          hall_id: d.hallId,
          service_date: d.date,
          prefix,
          last_value: last,
        });
      if (size >= CHUNK_CHARS) {
        yield { text: parts.join(''), rows };
        parts = [];
        size = 0;
        rows = 0;
      }
    }
    if (rows > 0) yield { text: parts.join(''), rows };
  }

  /**
   * The tables in load order (foreign keys first), each a lazy stream of COPY chunks. The
   * ticket_counters stream reads what the tickets stream produced, so it must run after it.
   */
  tableStreams(): TableStream[] {
    const counters: TicketCounterRow[] = [];
    const one = <T extends object>(
      table: string,
      rows: () => T[],
      columns: readonly (keyof T & string)[],
    ): TableStream => ({
      table,
      columns,
      chunks: () => batched([rows()], columns),
    });
    return [
      one('regions', () => this.regions(), [
        'code',
        'name',
        'name_en',
        'level',
        'parent_code',
      ]),
      one('halls', () => this.halls(), [
        'id',
        'key',
        'name',
        'name_en',
        'region_code',
        'kind',
      ]),
      one('categories', () => this.categories(), [
        'code',
        'name',
        'name_en',
        'ticket_prefix',
        'sort_order',
      ]),
      one('service_items', () => this.serviceItems(), [
        'code',
        'name',
        'category_code',
        'aliases',
        'online_available',
        'typical_handling_minutes',
        'bundle',
      ]),
      one('windows', () => this.windows(), [
        'id',
        'hall_id',
        'label',
        'mode',
        'category_codes',
        'state',
        'opened_on',
        'retired_on',
        'created_at',
        'updated_at',
      ]),
      one('window_events', () => this.windowEvents(), [
        'hall_id',
        'window_id',
        'kind',
        'effective_date',
        'mode',
        'category_codes',
        'note',
        'created_at',
      ]),
      one('staff', () => this.staff(), [
        'id',
        'hall_id',
        'name',
        'role',
        'skills',
        'active',
        'created_at',
      ]),
      one('reassignments', () => this.reassignments(), [
        'id',
        'staff_id',
        'hall_id',
        'from_role',
        'from_place',
        'to_role',
        'to_place',
        'effective_date',
        'reason',
        'created_at',
      ]),
      one('targets', () => this.targets(), [
        'id',
        'hall_id',
        'region_code',
        'metric',
        'comparison',
        'value',
        'parameter',
        'due_date',
        'note',
        'created_at',
      ]),
      one('users', () => this.users(), [
        'id',
        'username',
        'password_hash',
        'role',
        'hall_id',
        'region_code',
        'display_name',
        'active',
      ]),
      one('consultations', () => this.consultations(), [
        'hall_id',
        'record_date',
        'channel',
        'count',
      ]),
      {
        table: 'handling_records',
        columns: [
          'hall_id',
          'record_date',
          'service_item_code',
          'channel',
          'count',
        ],
        chunks: () =>
          batched(this.handlingDays(), [
            'hall_id',
            'record_date',
            'service_item_code',
            'channel',
            'count',
          ]),
      },
      {
        table: 'footfall',
        columns: [
          'hall_id',
          'sensor_id',
          'period_start',
          'period_end',
          'entries',
          'exits',
          'received_at',
        ],
        chunks: () =>
          batched(this.footfallDays(), [
            'hall_id',
            'sensor_id',
            'period_start',
            'period_end',
            'entries',
            'exits',
            'received_at',
          ]),
      },
      {
        table: 'tickets',
        columns: TICKET_COLUMNS,
        chunks: () => this.ticketChunks(counters),
      },
      {
        table: 'ticket_counters',
        columns: ['hall_id', 'service_date', 'prefix', 'last_value'],
        chunks: () =>
          batched(
            [counters],
            ['hall_id', 'service_date', 'prefix', 'last_value'],
          ),
      },
    ];
  }
}
