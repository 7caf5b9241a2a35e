import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreatePlanRequest,
  ONLINE_CHANNELS,
  type PlanResult,
} from '@onewindow/contracts';
import { readTicketHistory } from '@onewindow/persistence';
import { QueueingInputError } from '@onewindow/queueing';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { computePlan, onlineRates } from './plan-math';

/** The plan's row is written at most this often while a step reports progress. */
const PROGRESS_WRITE_MS = 500;

/**
 * Runs one plan: reads the hall's tickets of the span and its handling records, computes the plan
 * (plan-math.ts) and stores the result. Idempotent: a run that dies is simply run again (the
 * result depends only on the inputs and the stored history; the seed is fixed).
 */
@Injectable()
export class PlanRunner {
  private readonly logger = new Logger('Plans');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async run(
    planId: string,
    report: (p: number) => void = () => undefined,
  ): Promise<'done' | 'skipped'> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count]
    const [[plan]]: [
      {
        hall_id: string;
        inputs: CreatePlanRequest;
        opening_hours: { weekdays: number[]; open: string; close: string };
      }[],
      number,
    ] = await this.db.query(
      `UPDATE plans p SET state = 'running', started_at = COALESCE(p.started_at, now()), progress = 0, error = NULL
       FROM halls h WHERE p.id = $1 AND h.id = p.hall_id AND p.state IN ('queued', 'running')
       RETURNING p.hall_id, p.inputs, h.opening_hours`,
      [planId],
    );
    if (!plan) return 'skipped'; // done, failed or gone
    const i = plan.inputs;
    const tickets = await readTicketHistory(
      this.db,
      plan.hall_id,
      i.historyFrom,
      i.historyTo,
    );
    const rateRows: { category: string; online: number; window: number }[] =
      await this.db.query(
        `SELECT s.category_code AS category,
                COALESCE(sum(h.count) FILTER (WHERE h.channel = ANY($4::text[])), 0)::float AS online,
                COALESCE(sum(h.count) FILTER (WHERE h.channel = 'window'), 0)::float AS window
         FROM handling_records h JOIN service_items s ON s.code = h.service_item_code
         WHERE h.hall_id = $1 AND h.record_date BETWEEN $2 AND $3
         GROUP BY s.category_code`,
        [plan.hall_id, i.historyFrom, i.historyTo, ONLINE_CHANNELS],
      );
    const [{ n }]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM windows WHERE hall_id = $1 AND retired_on IS NULL`,
      [plan.hall_id],
    );

    let lastWrite = 0;
    const progress = async (p: number) => {
      report(p);
      const now = Date.now();
      if (p >= 1 || now - lastWrite < PROGRESS_WRITE_MS) return;
      lastWrite = now;
      // best effort: a lost progress write is overtaken by the next (or by the result)
      await this.db
        .query(
          `UPDATE plans SET progress = $2 WHERE id = $1 AND state = 'running' AND progress < $2`,
          [planId, Math.round(p * 1000) / 1000],
        )
        .catch(() => undefined);
    };

    let result: PlanResult;
    try {
      result = await computePlan(
        tickets,
        { open: plan.opening_hours.open, close: plan.opening_hours.close },
        {
          target: i.target,
          layouts: i.layouts,
          onlineShiftPoints: i.onlineShiftPoints ?? 0,
          replications: i.replications ?? 30,
          weekdays: i.weekdays ?? plan.opening_hours.weekdays,
        },
        onlineRates(rateRows),
        n,
        progress,
      );
    } catch (e) {
      // the history cannot make a plan: no retry helps
      if (e instanceof QueueingInputError)
        throw new UnrecoverableError(
          `The history cannot be planned from: ${e.errors.join('; ')}`,
        );
      throw e;
    }
    await this.db.query(
      `UPDATE plans SET state = 'done', progress = 1, result = $2, finished_at = now() WHERE id = $1 AND state = 'running'`,
      [planId, result],
    );
    this.logger.log(`plan ${planId} done`);
    return 'done';
  }

  /** Marks a plan failed (its job failed for good). */
  async fail(planId: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE plans SET state = 'failed', error = $2, finished_at = now() WHERE id = $1 AND state IN ('queued', 'running')`,
      [planId, reason.slice(0, 2000)],
    );
  }
}
