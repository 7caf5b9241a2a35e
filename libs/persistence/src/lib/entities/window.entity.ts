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

/** A service window of a hall: a department window or a comprehensive (无差别受理) one. */
@Entity({ name: 'windows' })
@Check('CHK_windows_mode', `"mode" IN ('department', 'comprehensive')`)
@Check(
  'CHK_windows_state',
  `"state" IN ('open', 'paused', 'closed', 'retired')`,
)
@Index('IDX_windows_hall', ['hallId', 'state'])
export class WindowEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'windows_pkey',
  })
  id!: string;

  @Column({ name: 'hall_id', type: 'uuid' })
  hallId!: string;

  @ManyToOne(() => HallEntity, { nullable: false })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'windows_hall_id_fkey',
  })
  hall?: HallEntity;

  @Column({ name: 'label', type: 'varchar', length: 20 })
  label!: string;

  @Column({ name: 'mode', type: 'varchar', length: 16 })
  mode!: 'department' | 'comprehensive';

  /** Categories served; empty for a comprehensive window that serves every category of the hall. */
  @Column({ name: 'category_codes', type: 'text', array: true, default: [] })
  categoryCodes!: string[];

  @Column({ name: 'state', type: 'varchar', length: 10, default: 'closed' })
  state!: 'open' | 'paused' | 'closed' | 'retired';

  @Column({ name: 'opened_on', type: 'date' })
  openedOn!: string;

  @Column({ name: 'retired_on', type: 'date', nullable: true })
  retiredOn!: string | null;

  /** Priority tickets this window has called in a row (the hall's streak cap bounds it). */
  @Column({ name: 'priority_streak', type: 'integer', default: 0 })
  priorityStreak!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
