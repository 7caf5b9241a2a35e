import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ListResponse,
  ReassignmentFlowsResponse,
  ReassignmentView,
  StaffRole,
} from '@onewindow/contracts';
import { ReassignmentEntity, StaffQueries } from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { assertNotFuture, assertSpan } from '../common/service-date';
import type { CreateReassignmentDto } from './dto/create-reassignment.dto';
import type { ListReassignmentsQuery } from './dto/list-reassignments.query';
import { reassignmentFlows, RoleMoveCount } from './reassignment-flows';
import { lockStaff } from './staff.service';
import { positionOn, RecordedMove } from './staff-position';

/** Staff moves between roles and places: recorded in date order per person, listed, and counted. */
@Injectable()
export class ReassignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staff: StaffQueries,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records a move. It starts from the person's role and place as of its date and must come after
   * every move already recorded for them (so each accepted move is their latest, and their role
   * becomes its target role); moving to 'left' makes them inactive, moving back makes them active.
   */
  async create(
    actor: Actor,
    hallId: string,
    dto: CreateReassignmentDto,
  ): Promise<ReassignmentView> {
    const day = dto.effectiveDate;
    assertNotFuture(day, 'effectiveDate');
    return this.db.transaction(async (m) => {
      const staff = await lockStaff(m, hallId, dto.staffId);
      const moves: RecordedMove[] = await this.staff.on(m).moves(staff.id);
      const latest = moves[moves.length - 1];
      if (latest && day <= latest.effectiveDate) {
        throw DomainError.conflict(
          `${staff.name} has a move dated ${latest.effectiveDate}: record moves in date order (effectiveDate ${day} is not after it)`,
        );
      }
      const from = positionOn(staff.role, moves, day);
      if (from.role === dto.toRole) {
        throw DomainError.conflict(
          `${staff.name} is already ${dto.toRole} on ${day}`,
        );
      }
      const saved = await m.save(
        m.create(ReassignmentEntity, {
          staffId: staff.id,
          hallId,
          fromRole: from.role,
          fromPlace: from.place,
          toRole: dto.toRole,
          toPlace: dto.toPlace ?? null,
          effectiveDate: day,
          reason: dto.reason ?? null,
          createdBy: actor.principal.id,
        }),
      );
      staff.role = dto.toRole;
      if (dto.toRole === 'left') staff.active = false;
      else if (from.role === 'left') staff.active = true;
      await m.save(staff);
      const view: ReassignmentView = {
        id: saved.id,
        staffId: staff.id,
        staffName: staff.name,
        fromRole: from.role as StaffRole,
        fromPlace: from.place,
        toRole: dto.toRole,
        toPlace: saved.toPlace,
        effectiveDate: day,
        reason: saved.reason,
      };
      await this.audit.record(m, actor, {
        action: 'reassignment.create',
        entityType: 'reassignment',
        entityId: saved.id,
        hallId,
        after: view,
      });
      return view;
    });
  }

  /** A hall's moves, newest first, optionally within [from, to]. */
  async list(
    hallId: string,
    q: ListReassignmentsQuery,
  ): Promise<ListResponse<ReassignmentView>> {
    if (q.from && q.to) assertSpan(q.from, q.to);
    const span = { hallId, from: q.from ?? null, to: q.to ?? null };
    const [rows, total] = await Promise.all([
      this.staff.reassignments(span, q.limit, q.offset),
      this.staff.reassignmentCount(span),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        staffId: r.staff_id,
        staffName: r.staff_name,
        fromRole: r.from_role,
        fromPlace: r.from_place,
        toRole: r.to_role,
        toPlace: r.to_place,
        effectiveDate: r.effective_date,
        reason: r.reason,
      })),
      total,
    };
  }

  /** Moves per (from role, to role) of one hall with an effective date in [from, to]. */
  async hallFlows(
    hallId: string,
    from: string,
    to: string,
  ): Promise<ReassignmentFlowsResponse> {
    assertSpan(from, to);
    const counts: RoleMoveCount[] = await this.staff.hallFlows(
      hallId,
      from,
      to,
    );
    return reassignmentFlows(counts, from, to);
  }

  /**
   * The same over every hall of a region subtree: admins anywhere, the reform office within its
   * own subtree (404 for an unknown region, 403 outside the subtree).
   */
  async regionFlows(
    p: Principal,
    code: string,
    from: string,
    to: string,
  ): Promise<ReassignmentFlowsResponse> {
    assertSpan(from, to);
    await this.scope.assertRegionRead(p, code);
    const counts: RoleMoveCount[] = await this.staff.regionFlows(
      await this.scope.subtree(code),
      from,
      to,
    );
    return reassignmentFlows(counts, from, to);
  }
}
