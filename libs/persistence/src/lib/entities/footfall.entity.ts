import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { HallEntity } from './hall.entity';

/** People counted by one door sensor over one interval (idempotent on sensor + interval start). */
@Entity({ name: 'footfall' })
@Check(
  'CHK_footfall_counts',
  `"entries" >= 0 AND ("exits" IS NULL OR "exits" >= 0)`,
)
@Check('CHK_footfall_period', `"period_end" > "period_start"`)
@Index('IDX_footfall_hall_period', ['hallId', 'periodStart'])
export class FootfallEntity {
  @PrimaryColumn({
    name: 'hall_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_footfall',
  })
  hallId!: string;

  @ManyToOne(() => HallEntity, { nullable: false })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'footfall_hall_id_fkey',
  })
  hall?: HallEntity;

  @PrimaryColumn({
    name: 'sensor_id',
    type: 'varchar',
    length: 64,
    primaryKeyConstraintName: 'PK_footfall',
  })
  sensorId!: string;

  @PrimaryColumn({
    name: 'period_start',
    type: 'timestamptz',
    primaryKeyConstraintName: 'PK_footfall',
  })
  periodStart!: Date;

  @Column({ name: 'period_end', type: 'timestamptz' })
  periodEnd!: Date;

  @Column({ name: 'entries', type: 'integer' })
  entries!: number;

  @Column({ name: 'exits', type: 'integer', nullable: true })
  exits!: number | null;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
