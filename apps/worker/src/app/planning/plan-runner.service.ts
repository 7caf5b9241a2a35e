import { Injectable, Logger } from '@nestjs/common';
import { ONLINE_CHANNELS, type PlanResult } from '@onewindow/contracts';
import {
  PlanQueries,
  CatalogQueries,
  TicketQueries,
} from '@onewindow/persistence';
import { QueueingInputError } from '@onewindow/queueing';
import { UnrecoverableError } from 'bullmq';
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

  constructor(
    private readonly plans: PlanQueries,
    private readonly ticketQueries: TicketQueries,
    private readonly catalog: CatalogQueries,
  ) {}

  async run(
    planId: string,
    report: (p: number) => void = () => undefined,
  ): Promise<'done' | 'skipped'> {
    const plan = await this.plans.start(planId);
    if (!plan) return 'skipped'; // done, failed or gone
    const i = plan.inputs;
    const tickets = await this.ticketQueries.history(
      plan.hall_id,
      i.historyFrom,
      i.historyTo,
    );
    const rateRows = await this.plans.handlingByCategory(
      plan.hall_id,
      i.historyFrom,
      i.historyTo,
      ONLINE_CHANNELS,
    );
    const n = await this.plans.activeWindowCount(plan.hall_id);
    // the hall's specialist categories: the hybrid layout keeps each apart and prices it
    const specialists = await this.catalog.specialistCategories(plan.hall_id);

    let lastWrite = 0;
    const progress = async (p: number) => {
      report(p);
      const now = Date.now();
      if (p >= 1 || now - lastWrite < PROGRESS_WRITE_MS) return;
      lastWrite = now;
      // best effort: a lost progress write is overtaken by the next (or by the result)
      await this.plans
        .advance(planId, Math.round(p * 1000) / 1000)
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
          specialists,
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
    await this.plans.finish(planId, result);
    this.logger.log(`plan ${planId} done`);
    return 'done';
  }

  /** Marks a plan failed (its job failed for good). */
  async fail(planId: string, reason: string): Promise<void> {
    await this.plans.fail(planId, reason.slice(0, 2000));
  }
}
