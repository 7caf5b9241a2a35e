import type {
  CreatePlanRequest,
  PlanResult,
  PlanState,
} from '@onewindow/contracts';
import { Queries } from './queries';

/** A hall's opening hours as stored (halls.opening_hours). */
export interface OpeningHoursRow {
  weekdays: number[];
  open: string;
  close: string;
}

/** What planning reads of a hall: its time zone and opening hours. */
export interface HallForPlanningRow {
  timezone: string;
  opening_hours: OpeningHoursRow;
}

/** A plan as stored, its result included. */
export interface PlanRow {
  id: string;
  hall_id: string;
  name: string | null;
  state: PlanState;
  progress: number;
  inputs: CreatePlanRequest;
  result: PlanResult | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** A plan a run has taken up: its hall, its inputs and the hall's opening hours. */
export interface StartedPlanRow {
  hall_id: string;
  inputs: CreatePlanRequest;
  opening_hours: OpeningHoursRow;
}

/** A category's handled cases of a span: on the online channels and at the windows. */
export interface HandlingByCategoryRow {
  category: string;
  online: number;
  window: number;
}

const PLAN_COLUMNS = `id, hall_id, name, state, progress, inputs, error, created_at, started_at, finished_at`;

/**
 * Plans: their rows (recorded by the API), their runs (taken up, advanced, finished or failed by
 * the worker) and what a plan reads besides the tickets (TicketQueries.history): the hall's
 * opening hours, its handling records and its windows.
 */
export class PlanQueries extends Queries {
  /** The hall's time zone and opening hours (undefined: no such hall). */
  hallForPlanning(hallId: string): Promise<HallForPlanningRow | undefined> {
    return this.row<HallForPlanningRow>(
      `SELECT timezone, opening_hours FROM halls WHERE id = $1`,
      [hallId],
    );
  }

  /** Whether the hall has any ticket between two service days (inclusive): a plan's history. */
  async hasTickets(hallId: string, from: string, to: string): Promise<boolean> {
    const [{ any }] = await this.rows<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM tickets WHERE hall_id = $1 AND service_date BETWEEN $2 AND $3) AS any`,
      [hallId, from, to],
    );
    return any;
  }

  /** Records a plan (queued); its id. `createdBy`: the user, or null for a device or service. */
  async create(
    hallId: string,
    createdBy: string | null,
    name: string | null,
    inputs: CreatePlanRequest,
  ): Promise<string> {
    const [{ id }] = await this.rows<{ id: string }>(
      `INSERT INTO plans (hall_id, created_by, name, inputs) VALUES ($1, $2, $3, $4) RETURNING id`,
      [hallId, createdBy, name, inputs],
    );
    return id;
  }

  /** One plan with its result (undefined: none). */
  byId(id: string): Promise<PlanRow | undefined> {
    return this.row<PlanRow>(
      `SELECT ${PLAN_COLUMNS}, result FROM plans WHERE id = $1`,
      [id],
    );
  }

  /** A hall's plans, newest first, at most 200. */
  forHall(hallId: string): Promise<PlanRow[]> {
    return this.rows<PlanRow>(
      `SELECT ${PLAN_COLUMNS}, result FROM plans WHERE hall_id = $1 ORDER BY created_at DESC LIMIT 200`,
      [hallId],
    );
  }

  /** How many plans the hall has. */
  async countForHall(hallId: string): Promise<number> {
    const [{ total }] = await this.rows<{ total: number }>(
      `SELECT count(*)::int AS total FROM plans WHERE hall_id = $1`,
      [hallId],
    );
    return total;
  }

  /** Plans queued or running, oldest first, at most 100 (the sweeper's look). */
  async unfinished(): Promise<string[]> {
    const rows = await this.rows<{ id: string }>(
      `SELECT id FROM plans WHERE state IN ('queued', 'running') ORDER BY created_at LIMIT 100`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Takes a queued or running plan up (running, progress back to 0, its error cleared; the first
   * start time kept): its hall, inputs and the hall's opening hours, or undefined when the plan is
   * done, failed or gone.
   */
  async start(planId: string): Promise<StartedPlanRow | undefined> {
    const { rows } = await this.change<StartedPlanRow>(
      `UPDATE plans p SET state = 'running', started_at = COALESCE(p.started_at, now()), progress = 0, error = NULL
       FROM halls h WHERE p.id = $1 AND h.id = p.hall_id AND p.state IN ('queued', 'running')
       RETURNING p.hall_id, p.inputs, h.opening_hours`,
      [planId],
    );
    return rows[0];
  }

  /**
   * Handled cases per category of the hall's handling records between two days (inclusive): on
   * `onlineChannels` and at the windows.
   */
  handlingByCategory(
    hallId: string,
    from: string,
    to: string,
    onlineChannels: readonly string[],
  ): Promise<HandlingByCategoryRow[]> {
    return this.rows<HandlingByCategoryRow>(
      `SELECT s.category_code AS category,
              COALESCE(sum(h.count) FILTER (WHERE h.channel = ANY($4::text[])), 0)::float AS online,
              COALESCE(sum(h.count) FILTER (WHERE h.channel = 'window'), 0)::float AS window
       FROM handling_records h JOIN service_items s ON s.code = h.service_item_code
       WHERE h.hall_id = $1 AND h.record_date BETWEEN $2 AND $3
       GROUP BY s.category_code`,
      [hallId, from, to, onlineChannels],
    );
  }

  /** How many windows the hall has that are not retired. */
  async activeWindowCount(hallId: string): Promise<number> {
    const [{ n }] = await this.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM windows WHERE hall_id = $1 AND retired_on IS NULL`,
      [hallId],
    );
    return n;
  }

  /** Moves a running plan's progress forward (never back). */
  async advance(planId: string, progress: number): Promise<void> {
    await this.db.query(
      `UPDATE plans SET progress = $2 WHERE id = $1 AND state = 'running' AND progress < $2`,
      [planId, progress],
    );
  }

  /** Stores a running plan's result: done. */
  async finish(planId: string, result: PlanResult): Promise<void> {
    await this.db.query(
      `UPDATE plans SET state = 'done', progress = 1, result = $2, finished_at = now() WHERE id = $1 AND state = 'running'`,
      [planId, result],
    );
  }

  /** Marks a queued or running plan failed, with the reason. */
  async fail(planId: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE plans SET state = 'failed', error = $2, finished_at = now() WHERE id = $1 AND state IN ('queued', 'running')`,
      [planId, reason],
    );
  }
}
