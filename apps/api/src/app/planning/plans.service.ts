import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreatePlanRequest,
  ListResponse,
  PlanResult,
  PlanState,
  PlanView,
} from '@onewindow/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { DomainError } from '../common/domain-error';
import { assertNotFuture, assertSpan } from '../common/service-date';
import {
  type CreatePlanDto,
  MAX_PLAN_HISTORY_DAYS,
} from './dto/create-plan.dto';
import { PlanQueue } from './plan-queue';

interface PlanRow {
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

const PLAN_COLUMNS = `id, hall_id, name, state, progress, inputs, error, created_at, started_at, finished_at`;

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly queue: PlanQueue,
  ) {}

  async create(
    actor: Actor,
    hallId: string,
    dto: CreatePlanDto,
  ): Promise<{ id: string }> {
    assertSpan(dto.historyFrom, dto.historyTo, MAX_PLAN_HISTORY_DAYS);
    assertNotFuture(dto.historyTo, 'historyTo');
    const [{ any }]: { any: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM tickets WHERE hall_id = $1 AND service_date BETWEEN $2 AND $3) AS any`,
      [hallId, dto.historyFrom, dto.historyTo],
    );
    if (!any)
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
    const [{ id }]: { id: string }[] = await this.db.query(
      `INSERT INTO plans (hall_id, created_by, name, inputs) VALUES ($1, $2, $3, $4) RETURNING id`,
      [hallId, p.type === 'user' ? p.id : null, dto.name ?? null, inputs],
    );
    await this.queue.enqueue(id);
    return { id };
  }

  async get(principal: Principal, id: string): Promise<PlanView> {
    const [row]: PlanRow[] = await this.db.query(
      `SELECT ${PLAN_COLUMNS}, result FROM plans WHERE id = $1`,
      [id],
    );
    if (!row) throw DomainError.notFound('Plan');
    await this.scope.assertHall(principal, row.hall_id, 'read');
    return toPlanView(row, true);
  }

  /** A hall's plans, newest first, with each layout's headline figures (GET /plans/{id} has the rest). */
  async list(hallId: string): Promise<ListResponse<PlanView>> {
    const rows: PlanRow[] = await this.db.query(
      `SELECT ${PLAN_COLUMNS}, result FROM plans WHERE hall_id = $1 ORDER BY created_at DESC LIMIT 200`,
      [hallId],
    );
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM plans WHERE hall_id = $1`,
      [hallId],
    );
    return { items: rows.map((r) => toPlanView(r, false)), total };
  }
}
