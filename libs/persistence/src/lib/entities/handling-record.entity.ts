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
import { ServiceItemEntity } from './service-item.entity';

/** Cases handled (办件量) per day, hall, service item and channel. */
@Entity({ name: 'handling_records' })
@Check(
  'CHK_handling_records_channel',
  `"channel" IN ('window', 'online_web', 'online_mobile', 'self_service_terminal', 'partner_outlet', 'agent')`,
)
@Check('CHK_handling_records_count', `"count" >= 0`)
@Index('IDX_handling_records_date', ['recordDate'])
export class HandlingRecordEntity {
  @PrimaryColumn({
    name: 'hall_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_handling_records',
  })
  hallId!: string;

  @ManyToOne(() => HallEntity, { nullable: false })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'handling_records_hall_id_fkey',
  })
  hall?: HallEntity;

  @PrimaryColumn({
    name: 'record_date',
    type: 'date',
    primaryKeyConstraintName: 'PK_handling_records',
  })
  recordDate!: string;

  @PrimaryColumn({
    name: 'service_item_code',
    type: 'varchar',
    length: 40,
    primaryKeyConstraintName: 'PK_handling_records',
  })
  serviceItemCode!: string;

  @ManyToOne(() => ServiceItemEntity, { nullable: false })
  @JoinColumn({
    name: 'service_item_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'handling_records_service_item_code_fkey',
  })
  serviceItem?: ServiceItemEntity;

  @PrimaryColumn({
    name: 'channel',
    type: 'varchar',
    length: 24,
    primaryKeyConstraintName: 'PK_handling_records',
  })
  channel!:
    | 'window'
    | 'online_web'
    | 'online_mobile'
    | 'self_service_terminal'
    | 'partner_outlet'
    | 'agent';

  @Column({ name: 'count', type: 'integer' })
  count!: number;
}
