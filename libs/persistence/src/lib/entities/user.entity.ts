import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { HallEntity } from './hall.entity';
import { RegionEntity } from './region.entity';

/** A person who logs in; the role decides which of hall / region scopes them. */
@Entity({ name: 'users' })
@Unique('users_username_key', ['username'])
@Check(
  'CHK_users_role',
  `"role" IN ('admin', 'reform_office', 'hall_manager', 'clerk')`,
)
@Check(
  'CHK_users_scope',
  `("role" = 'admin' AND "hall_id" IS NULL AND "region_code" IS NULL) OR ` +
    `("role" = 'reform_office' AND "hall_id" IS NULL AND "region_code" IS NOT NULL) OR ` +
    `("role" IN ('hall_manager', 'clerk') AND "hall_id" IS NOT NULL AND "region_code" IS NULL)`,
)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'users_pkey',
  })
  id!: string;

  @Column({ name: 'username', type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 100 })
  passwordHash!: string;

  @Column({ name: 'role', type: 'varchar', length: 16 })
  role!: 'admin' | 'reform_office' | 'hall_manager' | 'clerk';

  @Column({ name: 'hall_id', type: 'uuid', nullable: true })
  hallId!: string | null;

  @ManyToOne(() => HallEntity, { nullable: true })
  @JoinColumn({
    name: 'hall_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'users_hall_id_fkey',
  })
  hall?: HallEntity | null;

  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true })
  @JoinColumn({
    name: 'region_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'users_region_code_fkey',
  })
  region?: RegionEntity | null;

  @Column({
    name: 'display_name',
    type: 'varchar',
    length: 100,
    nullable: true,
  })
  displayName!: string | null;

  @Column({ name: 'active', type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
