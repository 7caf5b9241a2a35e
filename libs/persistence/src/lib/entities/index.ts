import { AuditLogEntity } from './audit-log.entity';
import { CategoryEntity } from './category.entity';
import { ConsultationEntity } from './consultation.entity';
import { DeviceEntity } from './device.entity';
import { FootfallEntity } from './footfall.entity';
import { HallEntity } from './hall.entity';
import { HallEventCounterEntity } from './hall-event-counter.entity';
import { HallEventEntity } from './hall-event.entity';
import { HandlingRecordEntity } from './handling-record.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { ImportEntity } from './import.entity';
import { OutboxEntity } from './outbox.entity';
import { PlanEntity } from './plan.entity';
import { ReassignmentEntity } from './reassignment.entity';
import { RegionEntity } from './region.entity';
import { ServiceItemEntity } from './service-item.entity';
import { StaffEntity } from './staff.entity';
import { TargetEntity } from './target.entity';
import { TicketCounterEntity } from './ticket-counter.entity';
import { TicketEntity } from './ticket.entity';
import { UserEntity } from './user.entity';
import { WindowEventEntity } from './window-event.entity';
import { WindowEntity } from './window.entity';

export * from './audit-log.entity';
export * from './category.entity';
export * from './consultation.entity';
export * from './device.entity';
export * from './footfall.entity';
export * from './hall.entity';
export * from './hall-event-counter.entity';
export * from './hall-event.entity';
export * from './handling-record.entity';
export * from './idempotency-key.entity';
export * from './import.entity';
export * from './outbox.entity';
export * from './plan.entity';
export * from './reassignment.entity';
export * from './region.entity';
export * from './service-item.entity';
export * from './staff.entity';
export * from './target.entity';
export * from './ticket-counter.entity';
export * from './ticket.entity';
export * from './user.entity';
export * from './window-event.entity';
export * from './window.entity';

/** Every entity of the schema (one per table of migrations/), for the data source. */
export const ENTITIES = [
  RegionEntity,
  HallEntity,
  CategoryEntity,
  ServiceItemEntity,
  WindowEntity,
  WindowEventEntity,
  StaffEntity,
  ReassignmentEntity,
  TicketEntity,
  TicketCounterEntity,
  IdempotencyKeyEntity,
  FootfallEntity,
  HandlingRecordEntity,
  ConsultationEntity,
  TargetEntity,
  UserEntity,
  DeviceEntity,
  AuditLogEntity,
  OutboxEntity,
  PlanEntity,
  HallEventCounterEntity,
  HallEventEntity,
  ImportEntity,
];
