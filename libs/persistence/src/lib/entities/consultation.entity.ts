import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { HallEntity } from './hall.entity';

/** Consultations answered per day, hall and channel (robot / online human / window). */
@Entity({ name: 'consultations' })
@Check(
  'CHK_consultations_channel',
  `"channel" IN ('robot', 'online_human', 'window')`,
)
@Check('CHK_consultations_count', `"count" >= 0`)
export class ConsultationEntity {
  @PrimaryColumn({
    name: 'hall_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_consultations',
  })
  hallId!: string;

  @ManyToOne(() => HallEntity, { nullable: false })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'consultations_hall_id_fkey',
  })
  hall?: HallEntity;

  @PrimaryColumn({
    name: 'record_date',
    type: 'date',
    primaryKeyConstraintName: 'PK_consultations',
  })
  recordDate!: string;

  @PrimaryColumn({
    name: 'channel',
    type: 'varchar',
    length: 16,
    primaryKeyConstraintName: 'PK_consultations',
  })
  channel!: 'robot' | 'online_human' | 'window';

  @Column({ name: 'count', type: 'integer' })
  count!: number;
}
