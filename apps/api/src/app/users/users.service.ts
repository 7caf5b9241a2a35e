import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserView } from '@onewindow/contracts';
import { HallEntity, RegionEntity, UserEntity } from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import { toUserView } from '../auth/auth.service';
import { PasswordHasher } from '../auth/password-hasher';
import { AuditService } from '../audit/audit.service';
import { ApiErrorException } from '../common/api-error.exception';
import type { CreateUserDto } from './dto/create-user.dto';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const p = actor.principal;
    if (p.type !== 'user') throw ApiErrorException.forbidden();
    if (
      p.role === 'hall_manager' &&
      (dto.role !== 'clerk' || dto.hallId !== p.hallId)
    ) {
      throw ApiErrorException.forbidden(
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
        throw ApiErrorException.conflict(`Username ${dto.username} is taken`);
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
      throw ApiErrorException.badRequest('Invalid scope', [
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
      throw ApiErrorException.badRequest('Invalid scope', [
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
      throw ApiErrorException.badRequest('Unknown hall', [
        { field: 'hallId', problems: ['no such hall'] },
      ]);
    }
    if (
      dto.regionCode &&
      !(await this.db
        .getRepository(RegionEntity)
        .exists({ where: { code: dto.regionCode } }))
    ) {
      throw ApiErrorException.badRequest('Unknown region', [
        { field: 'regionCode', problems: ['no such region'] },
      ]);
    }
  }
}
