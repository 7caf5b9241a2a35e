import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ListResponse, UserView } from '@onewindow/contracts';
import { HallEntity, RegionEntity, UserEntity } from '@onewindow/persistence';
import { DataSource, FindOptionsWhere } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import { toUserView } from '../auth/auth.service';
import { PasswordHasher } from '../auth/password-hasher';
import type { Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import type { UpdateUserDto } from './dto/update-user.dto';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
  ) {}

  /** Admins: every user; a hall manager: the users of its own hall. By username. */
  async list(p: Principal, q: ListUsersQuery): Promise<ListResponse<UserView>> {
    if (p.type !== 'user') throw DomainError.forbidden();
    let hallId = q.hallId;
    if (p.role === 'hall_manager') {
      if (hallId && hallId !== p.hallId)
        throw DomainError.forbidden(
          'A hall manager lists only the users of its own hall',
        );
      hallId = p.hallId ?? undefined;
      if (!hallId) throw DomainError.forbidden();
    } else if (p.role !== 'admin') {
      throw DomainError.forbidden();
    } else if (hallId) {
      // 404 for a hall that does not exist, rather than an empty list
      await this.scope.assertHall(p, hallId, 'manage');
    }
    const where: FindOptionsWhere<UserEntity> = {};
    if (hallId) where.hallId = hallId;
    if (q.role) where.role = q.role;
    const [rows, total] = await this.db.getRepository(UserEntity).findAndCount({
      where,
      order: { username: 'ASC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return { items: rows.map(toManagedUserView), total };
  }

  /**
   * Enables or disables a login, or sets a new password: admins for anyone, a hall manager for the
   * clerks of its own hall. Nobody disables themself. One audit row, never with the password.
   */
  async update(
    actor: Actor,
    id: string,
    dto: UpdateUserDto,
  ): Promise<UserView> {
    const p = actor.principal;
    if (p.type !== 'user') throw DomainError.forbidden();
    if (dto.active === undefined && dto.password === undefined) {
      throw DomainError.invalid('Nothing to change', [
        { field: 'body', problems: ['give active or password'] },
      ]);
    }
    const passwordHash =
      dto.password === undefined
        ? undefined
        : await this.hasher.hash(dto.password);
    return this.db.transaction(async (m) => {
      const user = await m.getRepository(UserEntity).findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw DomainError.notFound('User');
      if (dto.active === false && user.id === p.id) {
        throw DomainError.conflict('You cannot disable your own login');
      }
      if (
        p.role === 'hall_manager' &&
        (user.role !== 'clerk' || user.hallId !== p.hallId)
      ) {
        throw DomainError.forbidden(
          'A hall manager may change only the clerks of its own hall',
        );
      } else if (p.role !== 'admin' && p.role !== 'hall_manager') {
        throw DomainError.forbidden();
      }
      const before = toManagedUserView(user);
      if (dto.active !== undefined) user.active = dto.active;
      if (passwordHash !== undefined) user.passwordHash = passwordHash;
      await m.update(
        UserEntity,
        { id: user.id },
        { active: user.active, passwordHash: user.passwordHash },
      );
      const after = toManagedUserView(user);
      await this.audit.record(m, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: user.id,
        hallId: user.hallId ?? null,
        regionCode: user.regionCode ?? null,
        before,
        // that the password changed, never the password or its hash
        after:
          passwordHash === undefined
            ? after
            : { ...after, passwordReset: true },
      });
      return after;
    });
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const p = actor.principal;
    if (p.type !== 'user') throw DomainError.forbidden();
    if (
      p.role === 'hall_manager' &&
      (dto.role !== 'clerk' || dto.hallId !== p.hallId)
    ) {
      throw DomainError.forbidden(
        'A hall manager may create only clerks of its own hall',
      );
    }
    await this.checkScope(dto);
    const passwordHash = await this.hasher.hash(dto.password);
    return this.db.transaction(async (m) => {
      if (
        await m
          .getRepository(UserEntity)
          .exists({ where: { username: dto.username } })
      ) {
        throw DomainError.conflict(`Username ${dto.username} is taken`);
      }
      const user = await m.save(
        m.create(UserEntity, {
          username: dto.username,
          passwordHash,
          role: dto.role,
          hallId: dto.hallId ?? null,
          regionCode: dto.regionCode ?? null,
        }),
      );
      const view = toUserView(user);
      await this.audit.record(m, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        hallId: user.hallId ?? null,
        regionCode: user.regionCode ?? null,
        after: view,
      });
      return view;
    });
  }

  private async checkScope(dto: CreateUserDto): Promise<void> {
    const needsHall = dto.role === 'hall_manager' || dto.role === 'clerk';
    const needsRegion = dto.role === 'reform_office';
    if (needsHall !== !!dto.hallId) {
      throw DomainError.invalid('Invalid scope', [
        {
          field: 'hallId',
          problems: [
            needsHall
              ? `is required for role ${dto.role}`
              : `is not allowed for role ${dto.role}`,
          ],
        },
      ]);
    }
    if (needsRegion !== !!dto.regionCode) {
      throw DomainError.invalid('Invalid scope', [
        {
          field: 'regionCode',
          problems: [
            needsRegion
              ? `is required for role ${dto.role}`
              : `is not allowed for role ${dto.role}`,
          ],
        },
      ]);
    }
    if (
      dto.hallId &&
      !(await this.db
        .getRepository(HallEntity)
        .exists({ where: { id: dto.hallId } }))
    ) {
      throw DomainError.invalid('Unknown hall', [
        { field: 'hallId', problems: ['no such hall'] },
      ]);
    }
    if (
      dto.regionCode &&
      !(await this.db
        .getRepository(RegionEntity)
        .exists({ where: { code: dto.regionCode } }))
    ) {
      throw DomainError.invalid('Unknown region', [
        { field: 'regionCode', problems: ['no such region'] },
      ]);
    }
  }
}

/** The view an administrator works with: the login's scope and whether it is active. */
export function toManagedUserView(user: UserEntity): UserView {
  return { ...toUserView(user), active: user.active };
}
