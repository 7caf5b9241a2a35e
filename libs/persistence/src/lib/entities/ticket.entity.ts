import {
  Check,
  Column,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * A queue ticket. The table is range-partitioned by service_date (monthly partitions
 * tickets_yYYYYmMM, created by ensure_ticket_partitions()), so the primary key includes
 * service_date and the table carries no foreign keys: hall, item, category, window and staff are
 * plain columns. Partitioning itself is the migration's business; the entity maps the parent.
 */
@Entity({ name: 'tickets' })
@Check(
  'CHK_tickets_priority',
  `"priority" IN ('normal', 'priority', 'appointment')`,
)
@Check(
  'CHK_tickets_channel',
  `"channel" IN ('kiosk', 'mobile', 'appointment', 'staff', 'import')`,
)
@Check(
  'CHK_tickets_state',
  `"state" IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'transferred', 'expired')`,
)
@Check(
  'CHK_tickets_outcome',
  `"outcome" IS NULL OR "outcome" IN ('done', 'needs_materials', 'rejected')`,
)
@Check('CHK_tickets_rating', `"rating" IS NULL OR "rating" BETWEEN 1 AND 5`)
@Check(
  'CHK_tickets_cancelled_by',
  `"cancelled_by" IS NULL OR "cancelled_by" IN ('holder', 'staff')`,
)
@Check(
  'CHK_tickets_rating_reason',
  `"rating_reason" IS NULL OR "rating_reason" IN ('waited_too_long', 'attitude', 'unclear_requirements', 'not_resolved', 'too_slow', 'other')`,
)
@Index('UQ_tickets_hall_date_number', ['hallId', 'serviceDate', 'number'], {
  unique: true,
})
@Index('IDX_tickets_waiting', ['hallId', 'serviceDate', 'queueAt'], {
  where: `"state" = 'waiting'`,
})
@Index('IDX_tickets_hall_date', ['hallId', 'serviceDate'])
// call_next: the ticket a window holds, and the oldest priority ticket waiting
@Index('IDX_tickets_held', ['windowId', 'serviceDate'], {
  where: `"state" IN ('called', 'serving')`,
})
@Index(
  'IDX_tickets_waiting_priority',
  ['hallId', 'serviceDate', 'queueAt', 'id'],
  {
    where: `"state" = 'waiting' AND "priority" <> 'normal'`,
  },
)
@Index('IDX_tickets_status_token', ['statusTokenHash'], {
  where: `"status_token_hash" IS NOT NULL`,
})
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'PK_tickets',
  })
  id!: string;

  /** Local date of the hall (the partition key). */
  @PrimaryColumn({
    name: 'service_date',
    type: 'date',
    primaryKeyConstraintName: 'PK_tickets',
  })
  serviceDate!: string;

  @Column({ name: 'hall_id', type: 'uuid' })
  hallId!: string;

  /** Printed number: prefix + zero-padded daily sequence. */
  @Column({ name: 'number', type: 'varchar', length: 12 })
  number!: string;

  @Column({ name: 'prefix', type: 'varchar', length: 2 })
  prefix!: string;

  @Column({ name: 'sequence', type: 'integer' })
  sequence!: number;

  @Column({ name: 'service_item_code', type: 'varchar', length: 40 })
  serviceItemCode!: string;

  @Column({ name: 'category_code', type: 'varchar', length: 40 })
  categoryCode!: string;

  @Column({ name: 'priority', type: 'varchar', length: 12, default: 'normal' })
  priority!: 'normal' | 'priority' | 'appointment';

  @Column({ name: 'channel', type: 'varchar', length: 12, default: 'kiosk' })
  channel!: 'kiosk' | 'mobile' | 'appointment' | 'staff' | 'import';

  @Column({ name: 'state', type: 'varchar', length: 12, default: 'waiting' })
  state!:
    | 'waiting'
    | 'called'
    | 'serving'
    | 'done'
    | 'no_show'
    | 'cancelled'
    | 'transferred'
    | 'expired';

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  /** When the ticket (re-)entered the queue: issue time, or the time of a transfer. */
  @Column({ name: 'queue_at', type: 'timestamptz' })
  queueAt!: Date;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt!: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** Who cancelled it while it waited: its holder (kiosk, ticket page) or staff; null before it was recorded. */
  @Column({ name: 'cancelled_by', type: 'varchar', length: 8, nullable: true })
  cancelledBy!: 'holder' | 'staff' | null;

  /** The hall's closing time of its service day, when it was still waiting then (state expired). */
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt!: Date | null;

  @Column({ name: 'window_id', type: 'uuid', nullable: true })
  windowId!: string | null;

  @Column({ name: 'staff_id', type: 'uuid', nullable: true })
  staffId!: string | null;

  @Column({ name: 'recall_count', type: 'integer', default: 0 })
  recallCount!: number;

  @Column({ name: 'outcome', type: 'varchar', length: 16, nullable: true })
  outcome!: 'done' | 'needs_materials' | 'rejected' | null;

  /** Satisfaction rating (好差评), 1–5. */
  @Column({ name: 'rating', type: 'smallint', nullable: true })
  rating!: number | null;

  @Column({ name: 'transferred_from_id', type: 'uuid', nullable: true })
  transferredFromId!: string | null;

  /** Why a low rating was given (a code of RATING_REASONS). */
  @Column({
    name: 'rating_reason',
    type: 'varchar',
    length: 24,
    nullable: true,
  })
  ratingReason!: string | null;

  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt!: Date | null;

  /** SHA-256 (hex) of the citizen's status token; the token itself is never stored. */
  @Column({
    name: 'status_token_hash',
    type: 'varchar',
    length: 64,
    nullable: true,
  })
  statusTokenHash!: string | null;
}
