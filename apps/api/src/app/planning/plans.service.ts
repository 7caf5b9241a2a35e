import { Injectable } from '@nestjs/common';
import type {
  CreatePlanRequest,
  ListResponse,
  PlanView,
} from '@onewindow/contracts';
import { PlanQueries, type PlanRow } from '@onewindow/persistence';
import type { Actor } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { DomainError } from '../common/domain-error';
import { assertNotFuture, assertSpan } from '../common/service-date';
import {
  type CreatePlanDto,
  MAX_PLAN_HISTORY_DAYS,
} from './dto/create-plan.dto';
import { PlanJobs } from './plan-jobs';

function toPlanView(r: PlanRow, withResult: boolean): PlanView {
  const v: PlanView = {
    id: r.id,
    hallId: r.hall_id,
    name: r.name,
    state: r.state,
    progress: r.progress,
    inputs: r.inputs,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
  if (withResult && r.result) v.result = r.result;
  if (!withResult && r.result)
    v.summary = r.result.layouts.map((l) => ({
      kind: l.kind,
      peakWindows: l.peakWindows,
      fixedWindows: l.fixedWindows,
      windowHours: l.windowHours,
      staffFreed: l.staffFreed,
      shareWithinTarget: l.overall.shareWithinTarget.mean,
      meanWaitMinutes: l.overall.meanWaitMinutes.mean,
    }));
  if (r.error) v.error = r.error;
  return v;
}

/** Plans of a hall: recorded here, computed by the worker (apps/worker planning). */
@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlanQueries,
    private readonly scope: ScopeService,
    private readonly jobs: PlanJobs,
  ) {}

  async create(
    actor: Actor,
    hallId: string,
    dto: CreatePlanDto,
  ): Promise<{ id: string }> {
    assertSpan(dto.historyFrom, dto.historyTo, MAX_PLAN_HISTORY_DAYS);
    assertNotFuture(dto.historyTo, 'historyTo');
    if (!(await this.plans.hasTickets(hallId, dto.historyFrom, dto.historyTo)))
      throw DomainError.invalid(
        `The hall has no tickets between ${dto.historyFrom} and ${dto.historyTo} to plan from`,
        [{ field: 'historyFrom', problems: ['no tickets in the span'] }],
      );
    const inputs: CreatePlanRequest = {
      historyFrom: dto.historyFrom,
      historyTo: dto.historyTo,
      target: { waitMinutes: dto.target.waitMinutes, share: dto.target.share },
      layouts: dto.layouts,
      onlineShiftPoints: dto.onlineShiftPoints ?? 0,
      replications: dto.replications ?? 30,
      ...(dto.weekdays ? { weekdays: [...dto.weekdays].sort() } : {}),
      ...(dto.name ? { name: dto.name } : {}),
    };
    const p = actor.principal;
    const id = await this.plans.create(
      hallId,
      p.type === 'user' ? p.id : null,
      dto.name ?? null,
      inputs,
    );
    await this.jobs.enqueue(id);
    return { id };
  }

  async get(principal: Principal, id: string): Promise<PlanView> {
    const row = await this.plans.byId(id);
    if (!row) throw DomainError.notFound('Plan');
    await this.scope.assertHall(principal, row.hall_id, 'read');
    return toPlanView(row, true);
  }

  /** A hall's plans, newest first, with each layout's headline figures (GET /plans/{id} has the rest). */
  async list(hallId: string): Promise<ListResponse<PlanView>> {
    const rows = await this.plans.forHall(hallId);
    const total = await this.plans.countForHall(hallId);
    return { items: rows.map((r) => toPlanView(r, false)), total };
  }
}
