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
import { RegionEntity } from './region.entity';
import { numericToNumber } from '../numeric.transformer';

/** A reform target for one hall or one region (exactly one of the two). */
@Entity({ name: 'targets' })
@Check('CHK_targets_scope', `("hall_id" IS NULL) <> ("region_code" IS NULL)`)
@Check(
  'CHK_targets_metric',
  `"metric" IN ('windows', 'online_rate', 'daily_visitors', 'mean_wait', 'within_minutes_share', 'consultation_mix')`,
)
@Check(
  'CHK_targets_comparison',
  `"comparison" IN ('lt', 'le', 'gt', 'ge', 'eq')`,
)
@Index('IDX_targets_hall', ['hallId'])
@Index('IDX_targets_region', ['regionCode'])
export class TargetEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'targets_pkey',
  })
  id!: string;

  @Column({ name: 'hall_id', type: 'uuid', nullable: true })
  hallId!: string | null;

  @ManyToOne(() => HallEntity, { nullable: true })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'targets_hall_id_fkey',
  })
  hall?: HallEntity | null;

  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true })
  @JoinColumn({
    name: 'region_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'targets_region_code_fkey',
  })
  region?: RegionEntity | null;

  @Column({ name: 'metric', type: 'varchar', length: 24 })
  metric!:
    | 'windows'
    | 'online_rate'
    | 'daily_visitors'
    | 'mean_wait'
    | 'within_minutes_share'
    | 'consultation_mix';

  @Column({ name: 'comparison', type: 'varchar', length: 2 })
  comparison!: 'lt' | 'le' | 'gt' | 'ge' | 'eq';

  @Column({
    name: 'value',
    type: 'numeric',
    precision: 12,
    scale: 4,
    transformer: numericToNumber,
  })
  value!: number;

  /** Extra parameter of the metric (e.g. the minutes of within_minutes_share). */
  @Column({
    name: 'parameter',
    type: 'numeric',
    precision: 12,
    scale: 4,
    nullable: true,
    transformer: numericToNumber,
  })
  parameter!: number | null;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
