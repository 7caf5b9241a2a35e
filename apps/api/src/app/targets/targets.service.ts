import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ListResponse,
  TargetDefinition,
  TargetScope,
  TargetView,
} from '@onewindow/contracts';
import { RegionEntity, TargetEntity } from '@onewindow/persistence';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import type { PaginationDto } from '../common/dto/pagination.dto';
import { todayInShanghai } from '../common/service-date';
import type { CreateTargetDto } from './dto/create-target.dto';
import type { UpdateTargetDto } from './dto/update-target.dto';
import { TargetActualsService } from './target-actuals.service';
import { round4 } from './target-evaluation';
import { targetProblems, type TargetFields } from './target-rules';

/** Targets of halls and regions: the writes (audited) and the lists with actuals and status. */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly actuals: TargetActualsService,
  ) {}

  listForHall(
    hallId: string,
    page: PaginationDto,
  ): Promise<ListResponse<TargetView>> {
    return this.list({ hallId }, page);
  }

  /** A region's own targets, or with `includeChildren` those of its whole subtree and its halls. */
  async listForRegion(
    p: Principal,
    code: string,
    includeChildren: boolean,
    page: PaginationDto,
  ): Promise<ListResponse<TargetView>> {
    await this.scope.assertRegionRead(p, code);
    if (!includeChildren) return this.list({ regionCode: code }, page);
    const codes = await this.scope.subtree(code);
    const halls = await this.actuals.hallsOf({ regionCode: code });
    const where: FindOptionsWhere<TargetEntity>[] = [{ regionCode: In(codes) }];
    if (halls.length) where.push({ hallId: In(halls) });
    return this.list(where, page);
  }

  async createForHall(
    actor: Actor,
    hallId: string,
    dto: CreateTargetDto,
  ): Promise<TargetView> {
    return this.create(actor, { hallId }, dto);
  }

  async createForRegion(
    actor: Actor,
    code: string,
    dto: CreateTargetDto,
  ): Promise<TargetView> {
    await this.assertRegion(code);
    return this.create(actor, { regionCode: code }, dto);
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateTargetDto,
  ): Promise<TargetView> {
    if (Object.values(dto).every((v) => v === undefined)) {
      throw DomainError.invalid('Nothing to change', [
        {
          field: 'body',
          problems: [
            'must set at least one of metric, comparison, value, parameter, dueDate, note',
          ],
        },
      ]);
    }
    const saved = await this.db.transaction(async (m) => {
      const target = await this.lockTarget(m, actor.principal, id);
      const before = toTargetDefinition(target);
      if (dto.metric !== undefined) target.metric = dto.metric;
      if (dto.comparison !== undefined) target.comparison = dto.comparison;
      if (dto.value !== undefined) target.value = round4(dto.value);
      if (dto.parameter !== undefined)
        target.parameter =
          dto.parameter === null ? null : round4(dto.parameter);
      if (dto.dueDate !== undefined) target.dueDate = dto.dueDate;
      if (dto.note !== undefined) target.note = dto.note;
      assertValid(target);
      await m.save(target);
      await this.record(m, actor, 'target.update', target, before);
      return target;
    });
    return this.withActual(saved);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const target = await this.lockTarget(m, actor.principal, id);
      const before = toTargetDefinition(target);
      await m.delete(TargetEntity, { id });
      await this.record(m, actor, 'target.delete', target, before, null);
    });
  }

  private async create(
    actor: Actor,
    scope: TargetScope,
    dto: CreateTargetDto,
  ): Promise<TargetView> {
    const fields: TargetFields = {
      metric: dto.metric,
      comparison: dto.comparison,
      value: round4(dto.value),
      parameter:
        dto.parameter === undefined || dto.parameter === null
          ? null
          : round4(dto.parameter),
    };
    assertValid(fields);
    const saved = await this.db.transaction(async (m) => {
      const target = await m.save(
        m.create(TargetEntity, {
          ...fields,
          hallId: 'hallId' in scope ? scope.hallId : null,
          regionCode: 'regionCode' in scope ? scope.regionCode : null,
          dueDate: dto.dueDate,
          note: dto.note ?? null,
        }),
      );
      await this.record(m, actor, 'target.create', target, null);
      return target;
    });
    return this.withActual(saved);
  }

  private async list(
    where: FindOptionsWhere<TargetEntity> | FindOptionsWhere<TargetEntity>[],
    page: PaginationDto,
  ): Promise<ListResponse<TargetView>> {
    const [rows, total] = await this.db
      .getRepository(TargetEntity)
      .findAndCount({
        where,
        order: { dueDate: 'ASC', metric: 'ASC', createdAt: 'ASC', id: 'ASC' },
        take: page.limit,
        skip: page.offset,
      });
    const assessed = await this.actuals.assess(rows, todayInShanghai());
    return {
      items: rows.map((t, i) => ({ ...toTargetDefinition(t), ...assessed[i] })),
      total,
    };
  }

  private async withActual(target: TargetEntity): Promise<TargetView> {
    const [assessed] = await this.actuals.assess([target], todayInShanghai());
    return { ...toTargetDefinition(target), ...assessed };
  }

  /**
   * Locks a target for a write by `p`: 404 when unknown; a hall's target needs the right to manage
   * that hall, a region's target an admin.
   */
  private async lockTarget(
    m: EntityManager,
    p: Principal,
    id: string,
  ): Promise<TargetEntity> {
    const target = await m.getRepository(TargetEntity).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!target) throw DomainError.notFound('Target');
    if (target.hallId) await this.scope.assertHall(p, target.hallId, 'manage');
    else if (p.type !== 'user' || p.role !== 'admin')
      throw DomainError.forbidden(
        'Only an admin may change the targets of a region',
      );
    return target;
  }

  private async record(
    m: EntityManager,
    actor: Actor,
    action: string,
    target: TargetEntity,
    before: TargetDefinition | null,
    after: TargetDefinition | null = toTargetDefinition(target),
  ): Promise<void> {
    await this.audit.record(m, actor, {
      action,
      entityType: 'target',
      entityId: target.id,
      hallId: target.hallId,
      regionCode: target.regionCode,
      before,
      after,
    });
  }

  private async assertRegion(code: string): Promise<void> {
    if (
      !(await this.db.getRepository(RegionEntity).exists({ where: { code } }))
    )
      throw DomainError.notFound('Region');
  }
}

function assertValid(t: TargetFields): void {
  const details = targetProblems(t);
  if (details.length)
    throw DomainError.invalid(
      `Invalid target: ${details.map((d) => d.field).join(', ')}`,
      details,
    );
}

export function toTargetDefinition(t: TargetEntity): TargetDefinition {
  return {
    id: t.id,
    scope: t.hallId ? { hallId: t.hallId } : { regionCode: t.regionCode ?? '' },
    metric: t.metric,
    comparison: t.comparison,
    value: t.value,
    parameter: t.parameter ?? null,
    dueDate: t.dueDate,
    note: t.note ?? null,
  };
}
