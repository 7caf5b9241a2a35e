import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';

/** An administrative division (行政区划), identified by its division code; regions form a tree. */
@Entity({ name: 'regions' })
@Check(
  'CHK_regions_level',
  `"level" IN ('province', 'city', 'county', 'township')`,
)
@Index('IDX_regions_parent', ['parentCode'])
export class RegionEntity {
  @PrimaryColumn({
    name: 'code',
    type: 'varchar',
    length: 12,
    primaryKeyConstraintName: 'regions_pkey',
  })
  code!: string;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100, nullable: true })
  nameEn!: string | null;

  @Column({ name: 'level', type: 'varchar', length: 16 })
  level!: 'province' | 'city' | 'county' | 'township';

  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true })
  @JoinColumn({
    name: 'parent_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'regions_parent_code_fkey',
  })
  parent?: RegionEntity | null;
}
