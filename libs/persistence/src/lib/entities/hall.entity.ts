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
import { RegionEntity } from './region.entity';

/** A service hall (政务服务中心) or partner outlet in a region. */
@Entity({ name: 'halls' })
@Unique('halls_key_key', ['key'])
@Check(
  'CHK_halls_kind',
  `"kind" IN ('city_center', 'county_center', 'township_center', 'partner_outlet')`,
)
@Index('IDX_halls_region', ['regionCode'])
export class HallEntity {
  @PrimaryGeneratedColumn('uuid', {
    name: 'id',
    primaryKeyConstraintName: 'halls_pkey',
  })
  id!: string;

  /** Stable human-readable key (used by the demo loader and imports). */
  @Column({ name: 'key', type: 'varchar', length: 40, nullable: true })
  key!: string | null;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn!: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { nullable: false })
  @JoinColumn({
    name: 'region_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'halls_region_code_fkey',
  })
  region?: RegionEntity;

  @Column({ name: 'kind', type: 'varchar', length: 20 })
  kind!: 'city_center' | 'county_center' | 'township_center' | 'partner_outlet';

  @Column({
    name: 'timezone',
    type: 'varchar',
    length: 40,
    default: 'Asia/Shanghai',
  })
  timezone!: string;

  /** ISO weekdays (1 = Monday) and local opening/closing times "HH:mm". */
  @Column({
    name: 'opening_hours',
    type: 'jsonb',
    default: { weekdays: [1, 2, 3, 4, 5], open: '08:30', close: '17:00' },
  })
  openingHours!: { weekdays: number[]; open: string; close: string };

  @Column({ name: 'target_wait_minutes', type: 'integer', default: 15 })
  targetWaitMinutes!: number;

  /** After this many priority calls in a row at one window, its oldest normal ticket goes next. */
  @Column({ name: 'priority_streak_cap', type: 'integer', default: 3 })
  priorityStreakCap!: number;

  @Column({ name: 'normal_max_wait_minutes', type: 'integer', default: 45 })
  normalMaxWaitMinutes!: number;

  /**
   * The categories specialist in this hall: null, the catalog's flags (categories.specialist); an
   * array, exactly these category codes.
   */
  @Column({
    name: 'specialist_categories',
    type: 'varchar',
    length: 40,
    array: true,
    nullable: true,
  })
  specialistCategories!: string[] | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
