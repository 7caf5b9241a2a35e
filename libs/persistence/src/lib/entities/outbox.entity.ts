import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message written in the same transaction as a fact, dispatched to the queues afterwards. */
@Entity({ name: 'outbox' })
@Index('IDX_outbox_pending', ['id'], { where: `"dispatched_at" IS NULL` })
export class OutboxEntity {
  /** bigserial: pg returns bigint as a string. */
  @PrimaryGeneratedColumn('increment', {
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'outbox_pkey',
  })
  id!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'topic', type: 'varchar', length: 40 })
  topic!: string;

  @Column({ name: 'hall_id', type: 'uuid', nullable: true })
  hallId!: string | null;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts!: number;
}
