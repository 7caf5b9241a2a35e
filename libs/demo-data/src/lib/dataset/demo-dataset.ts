import { ConsultationRow, consultationRows } from '../consultations';
import { FootfallRow, footfallDay } from '../footfall';
import { HandlingRow, handlingDays } from '../handling';
import { HALL_SPECS, HallSpec } from '../halls';
import {
  HallStaff,
  ReassignmentRow,
  StaffRow,
  generateHallStaff,
} from '../staff';
import { TargetRow, targetRows } from '../targets';
import { HallTicketModel, TicketDay } from '../tickets';
import { UserRow, userRows } from '../users';
import { dailyVisitors } from '../visitors';
import { HallWindows, WindowEventRow, WindowRow } from '../windows';
import {
  DEFAULT_SEED,
  DemoOptions,
  DemoProfile,
  PROFILE_FOOTFALL,
  PROFILE_TICKETS,
  TicketPlan,
  planDays,
  planSpan,
} from './profiles';
import {
  CategoryRow,
  HallRow,
  RegionRow,
  ServiceItemRow,
  categoryRows,
  hallRows,
  regionRows,
  serviceItemRows,
} from './reference';
import { TableStream } from './copy-streams';
import { demoTables } from './tables';

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

  // the reference tables

  regions(): RegionRow[] {
    return regionRows();
  }

  halls(): HallRow[] {
    return hallRows();
  }

  categories(): CategoryRow[] {
    return categoryRows();
  }

  serviceItems(): ServiceItemRow[] {
    return serviceItemRows();
  }

  // windows and staff

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

  // visitors, tickets and door counts

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
    return planSpan(this.ticketPlans);
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
    for (const { plan, day } of planDays(this.ticketPlans)) {
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
    for (const { plan, day } of planDays(PROFILE_FOOTFALL[this.profile])) {
      yield footfallDay(
        plan.hallKey,
        day,
        this.visitors(plan.hallKey).get(day) ?? 0,
        this.seed,
      );
    }
  }

  // handling records, consultations, targets and users

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

  /**
   * The tables in load order (foreign keys first), each a lazy stream of COPY chunks. The
   * ticket_counters stream reads what the tickets stream produced, so it must run after it.
   */
  tableStreams(): TableStream[] {
    return demoTables(this);
  }
}
