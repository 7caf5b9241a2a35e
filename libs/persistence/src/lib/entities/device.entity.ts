import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { HallEntity } from './hall.entity';
import { UserEntity } from './user.entity';

/** A kiosk, sensor or display of one hall, authenticated by a hashed token. */
@Entity({ name: 'devices' })
@Unique('devices_token_hash_key', ['tokenHash'])
@Check('CHK_devices_kind', `"kind" IN ('kiosk', 'sensor', 'display')`)
@Index('IDX_devices_hall', ['hallId'])
export class DeviceEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'devices_pkey',
  })
  id!: string;

  @Column({ name: 'hall_id', type: 'uuid' })
  hallId!: string;

  @ManyToOne(() => HallEntity, { nullable: false })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'devices_hall_id_fkey',
  })
  hall?: HallEntity;

  @Column({ name: 'kind', type: 'varchar', length: 10 })
  kind!: 'kiosk' | 'sensor' | 'display';

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { nullable: true })
  @JoinColumn({
    name: 'created_by',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'devices_created_by_fkey',
  })
  creator?: UserEntity | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt!: Date | null;
}
