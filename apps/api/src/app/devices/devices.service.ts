import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeviceCreated, DeviceView } from '@onewindow/contracts';
import { DeviceEntity } from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import { hashDeviceToken, newDeviceToken } from '../auth/device-token';
import { AuditService } from '../audit/audit.service';
import { ApiErrorException } from '../common/api-error.exception';
import type { CreateDeviceDto } from './dto/create-device.dto';

@Injectable()
export class DevicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(hallId: string): Promise<DeviceView[]> {
    const rows = await this.db
      .getRepository(DeviceEntity)
      .find({ where: { hallId }, order: { createdAt: 'ASC' } });
    return rows.map(toDeviceView);
  }

  /** Issues a device token; only its hash is stored, the token itself is returned this once. */
  async create(
    actor: Actor,
    hallId: string,
    dto: CreateDeviceDto,
  ): Promise<DeviceCreated> {
    const token = newDeviceToken();
    return this.db.transaction(async (m) => {
      const device = await m.save(
        m.create(DeviceEntity, {
          hallId,
          kind: dto.kind,
          name: dto.name,
          tokenHash: hashDeviceToken(token),
          createdBy:
            actor.principal.type === 'user' ? actor.principal.id : null,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'device.create',
        entityType: 'device',
        entityId: device.id,
        hallId,
        after: toDeviceView(device),
      });
      return { id: device.id, kind: device.kind, name: device.name, token };
    });
  }

  async revoke(actor: Actor, hallId: string, id: string): Promise<DeviceView> {
    return this.db.transaction(async (m) => {
      const device = await m.getRepository(DeviceEntity).findOne({
        where: { id, hallId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!device) throw ApiErrorException.notFound('Device');
      if (device.revokedAt) return toDeviceView(device);
      const before = toDeviceView(device);
      device.revokedAt = new Date();
      await m.save(device);
      const after = toDeviceView(device);
      await this.audit.record(m, actor, {
        action: 'device.revoke',
        entityType: 'device',
        entityId: id,
        hallId,
        before,
        after,
      });
      return after;
    });
  }
}

export function toDeviceView(d: DeviceEntity): DeviceView {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    createdAt: d.createdAt.toISOString(),
    revokedAt: d.revokedAt ? d.revokedAt.toISOString() : null,
    lastSeenAt: d.lastSeenAt ? d.lastSeenAt.toISOString() : null,
  };
}
