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
import type { DeviceKind } from '@onewindow/contracts';
import { HallEntity } from './hall.entity';
import { UserEntity } from './user.entity';
import { WindowEntity } from './window.entity';

/** A kiosk, sensor, display or rating pad of one hall, authenticated by a hashed token. */
@Entity({ name: 'devices' })
@Unique('devices_token_hash_key', ['tokenHash'])
@Check('CHK_devices_kind', `"kind" IN ('kiosk', 'sensor', 'display', 'rater')`)
@Check('CHK_devices_window', `("kind" = 'rater') = ("window_id" IS NOT NULL)`)
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
  kind!: DeviceKind;

  /** The window a rating pad is bound to (rater devices only). */
  @Column({ name: 'window_id', type: 'uuid', nullable: true })
  windowId!: string | null;

  @ManyToOne(() => WindowEntity, { nullable: true })
  @JoinColumn({
    name: 'window_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'devices_window_id_fkey',
  })
  window?: WindowEntity | null;

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
