import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One live event of a hall (ticket.issued, window.changed, …), numbered per hall. */
@Entity({ name: 'hall_events' })
@Index('IDX_hall_events_created', ['createdAt'])
export class HallEventEntity {
  @PrimaryColumn({
    name: 'hall_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_hall_events',
  })
  hallId!: string;

  /** Position in the hall's sequence; the SSE event id. */
  @PrimaryColumn({
    name: 'seq',
    type: 'bigint',
    primaryKeyConstraintName: 'PK_hall_events',
  })
  seq!: string;

  @Column({ name: 'type', type: 'varchar', length: 32 })
  type!: string;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: object;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
