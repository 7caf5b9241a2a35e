import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DeviceCreated,
  DeviceSelf,
  DeviceView,
} from '@onewindow/contracts';
import {
  DeviceEntity,
  DeviceQueries,
  WindowEntity,
} from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import { hashDeviceToken, newDeviceToken } from '../auth/device-token';
import type { DevicePrincipal } from '../auth/principal';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import type { CreateDeviceDto } from './dto/create-device.dto';

@Injectable()
export class DevicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly devices: DeviceQueries,
  ) {}

  async list(hallId: string): Promise<DeviceView[]> {
    const rows = await this.db.getRepository(DeviceEntity).find({
      where: { hallId },
      relations: { window: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map(toDeviceView);
  }

  /**
   * Issues a device token; only its hash is stored, the token itself is returned this once. A
   * rating pad is bound to a window of the hall that is still in service.
   */
  async create(
    actor: Actor,
    hallId: string,
    dto: CreateDeviceDto,
  ): Promise<DeviceCreated> {
    if (dto.kind !== 'rater' && dto.windowId !== undefined)
      throw DomainError.invalid('Only a rating pad is bound to a window', [
        { field: 'windowId', problems: [`must be absent for a ${dto.kind}`] },
      ]);
    const token = newDeviceToken();
    return this.db.transaction(async (m) => {
      let window: WindowEntity | null = null;
      if (dto.windowId) {
        window = await m
          .getRepository(WindowEntity)
          .findOne({ where: { id: dto.windowId, hallId } });
        if (!window || window.state === 'retired')
          throw DomainError.invalid('Unknown window', [
            {
              field: 'windowId',
              problems: ['must be a window of this hall that is in service'],
            },
          ]);
      }
      const device = await m.save(
        m.create(DeviceEntity, {
          hallId,
          kind: dto.kind,
          name: dto.name,
          windowId: window?.id ?? null,
          tokenHash: hashDeviceToken(token),
          createdBy:
            actor.principal.type === 'user' ? actor.principal.id : null,
        }),
      );
      device.window = window;
      await this.audit.record(m, actor, {
        action: 'device.create',
        entityType: 'device',
        entityId: device.id,
        hallId,
        after: toDeviceView(device),
      });
      return {
        id: device.id,
        kind: device.kind,
        name: device.name,
        token,
        ...(window ? { windowId: window.id } : {}),
      };
    });
  }

  async revoke(actor: Actor, hallId: string, id: string): Promise<DeviceView> {
    return this.db.transaction(async (m) => {
      const device = await m.getRepository(DeviceEntity).findOne({
        where: { id, hallId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!device) throw DomainError.notFound('Device');
      if (device.windowId)
        device.window = await m
          .getRepository(WindowEntity)
          .findOneBy({ id: device.windowId });
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

  /** What a paired device shows about itself: its hall, and the window of a rating pad. */
  async self(device: DevicePrincipal): Promise<DeviceSelf> {
    const row = await this.devices.hallOf(device.hallId, device.windowId);
    return {
      id: device.id,
      kind: device.kind,
      name: device.name,
      hall: {
        id: device.hallId,
        name: row.name,
        timezone: row.timezone,
        openingHours: row.opening_hours,
      },
      ...(device.windowId && row.window_label
        ? { window: { id: device.windowId, label: row.window_label } }
        : {}),
    };
  }
}

export function toDeviceView(d: DeviceEntity): DeviceView {
  const view: DeviceView = {
    id: d.id,
    kind: d.kind,
    name: d.name,
    createdAt: d.createdAt.toISOString(),
    revokedAt: d.revokedAt ? d.revokedAt.toISOString() : null,
    lastSeenAt: d.lastSeenAt ? d.lastSeenAt.toISOString() : null,
  };
  if (d.windowId) view.windowId = d.windowId;
  if (d.window) view.windowLabel = d.window.label;
  return view;
}
