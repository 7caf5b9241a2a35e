import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ListResponse, StaffRole, StaffView } from '@onewindow/contracts';
import { CategoryEntity, StaffEntity } from '@onewindow/persistence';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import type { CreateStaffDto } from './dto/create-staff.dto';
import type { ListStaffQuery } from './dto/list-staff.query';
import type { UpdateStaffDto } from './dto/update-staff.dto';

/** The staff of a hall: who works there, their skills, whether they still do. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(
    hallId: string,
    q: ListStaffQuery,
  ): Promise<ListResponse<StaffView>> {
    const where: FindOptionsWhere<StaffEntity> = { hallId };
    if (q.role) where.role = q.role;
    if (q.active) where.active = q.active === 'true';
    const [rows, total] = await this.db
      .getRepository(StaffEntity)
      .findAndCount({
        where,
        order: { name: 'ASC', id: 'ASC' },
        take: q.limit,
        skip: q.offset,
      });
    return { items: rows.map(toStaffView), total };
  }

  async create(
    actor: Actor,
    hallId: string,
    dto: CreateStaffDto,
  ): Promise<StaffView> {
    const skills = await this.checkSkills(dto.skills ?? []);
    return this.db.transaction(async (m) => {
      const staff = await m.save(
        m.create(StaffEntity, {
          hallId,
          name: dto.name.trim(),
          role: dto.role,
          skills,
          active: true,
        }),
      );
      const after = toStaffView(staff);
      await this.audit.record(m, actor, {
        action: 'staff.create',
        entityType: 'staff',
        entityId: staff.id,
        hallId,
        after,
      });
      return after;
    });
  }

  async update(
    actor: Actor,
    hallId: string,
    staffId: string,
    dto: UpdateStaffDto,
  ): Promise<StaffView> {
    if (
      dto.name === undefined &&
      dto.skills === undefined &&
      dto.active === undefined
    ) {
      throw DomainError.invalid('Nothing to change', [
        { field: 'body', problems: ['give name, skills or active'] },
      ]);
    }
    const skills = dto.skills && (await this.checkSkills(dto.skills));
    return this.db.transaction(async (m) => {
      const staff = await lockStaff(m, hallId, staffId);
      const before = toStaffView(staff);
      if (dto.active === true && staff.role === 'left') {
        throw DomainError.conflict(
          'This person has left the hall: record a reassignment to bring them back',
        );
      }
      if (dto.name !== undefined) staff.name = dto.name.trim();
      if (skills) staff.skills = skills;
      if (dto.active !== undefined) staff.active = dto.active;
      await m.save(staff);
      const after = toStaffView(staff);
      await this.audit.record(m, actor, {
        action: 'staff.update',
        entityType: 'staff',
        entityId: staff.id,
        hallId,
        before,
        after,
      });
      return after;
    });
  }

  /** Unique, sorted category codes; a 400 naming the unknown ones. */
  private async checkSkills(codes: string[]): Promise<string[]> {
    const unique = [...new Set(codes)].sort();
    if (!unique.length) return unique;
    const known = await this.db
      .getRepository(CategoryEntity)
      .find({ where: { code: In(unique) } });
    const missing = unique.filter((c) => !known.some((k) => k.code === c));
    if (missing.length) {
      throw DomainError.invalid('Unknown categories', [
        { field: 'skills', problems: [`unknown: ${missing.join(', ')}`] },
      ]);
    }
    return unique;
  }
}

/** The staff member of this hall, locked for the rest of the transaction; 404 otherwise. */
export async function lockStaff(
  m: EntityManager,
  hallId: string,
  staffId: string,
): Promise<StaffEntity> {
  const staff = await m.getRepository(StaffEntity).findOne({
    where: { id: staffId, hallId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!staff) throw DomainError.notFound('Staff');
  return staff;
}

export function toStaffView(s: StaffEntity): StaffView {
  return {
    id: s.id,
    name: s.name,
    role: s.role as StaffRole,
    skills: s.skills,
    active: s.active,
  };
}
