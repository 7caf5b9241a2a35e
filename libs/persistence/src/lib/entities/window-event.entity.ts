import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HallEntity } from './hall.entity';
import { WindowEntity } from './window.entity';

/** A lifecycle event of a window (opened / converted / retired), effective on a local date. */
@Entity({ name: 'window_events' })
@Check('CHK_window_events_kind', `"kind" IN ('opened', 'converted', 'retired')`)
@Index('IDX_window_events_hall_date', ['hallId', 'effectiveDate'])
@Index('IDX_window_events_window', ['windowId', 'effectiveDate'])
export class WindowEventEntity {
  /** bigserial: pg returns bigint as a string. */
  @PrimaryGeneratedColumn('increment', {
    name: 'id',
    type: 'bigint',
    primaryKeyConstraintName: 'window_events_pkey',
  })
  id!: string;

  @Column({ name: 'hall_id', type: 'uuid' })
  hallId!: string;

  @ManyToOne(() => HallEntity, { nullable: false })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'window_events_hall_id_fkey',
  })
  hall?: HallEntity;

  @Column({ name: 'window_id', type: 'uuid' })
  windowId!: string;

  @ManyToOne(() => WindowEntity, { nullable: false })
  @JoinColumn({
    name: 'window_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'window_events_window_id_fkey',
  })
  window?: WindowEntity;

  @Column({ name: 'kind', type: 'varchar', length: 12 })
  kind!: 'opened' | 'converted' | 'retired';

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  /** The window's mode from this event on (opened / converted). */
  @Column({ name: 'mode', type: 'varchar', length: 16, nullable: true })
  mode!: 'department' | 'comprehensive' | null;

  @Column({ name: 'category_codes', type: 'text', array: true, nullable: true })
  categoryCodes!: string[] | null;

  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;

  /** User id of the author (no foreign key: the audit trail outlives users). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
