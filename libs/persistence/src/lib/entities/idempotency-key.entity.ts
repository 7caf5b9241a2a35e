import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A kiosk Idempotency-Key and the ticket its first request created. */
@Entity({ name: 'idempotency_keys' })
@Index('IDX_idempotency_keys_created', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({
    name: 'hall_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_idempotency_keys',
  })
  hallId!: string;

  /** Who sent the request (device id or user id). */
  @PrimaryColumn({
    name: 'principal',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'PK_idempotency_keys',
  })
  principal!: string;

  @PrimaryColumn({
    name: 'key',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'PK_idempotency_keys',
  })
  key!: string;

  /** Hash of the request body, to tell a retry from a replay with a different body. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId!: string;

  @Column({ name: 'service_date', type: 'date' })
  serviceDate!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
