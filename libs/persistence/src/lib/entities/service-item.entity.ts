import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { CategoryEntity } from './category.entity';
import { numericToNumber } from '../numeric.transformer';

/** A service item (事项) of a category, with the phrasings a citizen would type. */
@Entity({ name: 'service_items' })
@Index('IDX_service_items_category', ['categoryCode'])
export class ServiceItemEntity {
  @PrimaryColumn({
    name: 'code',
    type: 'varchar',
    length: 40,
    primaryKeyConstraintName: 'service_items_pkey',
  })
  code!: string;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'category_code', type: 'varchar', length: 40 })
  categoryCode!: string;

  @ManyToOne(() => CategoryEntity, { nullable: false })
  @JoinColumn({
    name: 'category_code',
    referencedColumnName: 'code',
    foreignKeyConstraintName: 'service_items_category_code_fkey',
  })
  category?: CategoryEntity;

  @Column({ name: 'aliases', type: 'text', array: true, default: [] })
  aliases!: string[];

  @Column({ name: 'online_available', type: 'boolean', default: false })
  onlineAvailable!: boolean;

  @Column({
    name: 'typical_handling_minutes',
    type: 'numeric',
    precision: 6,
    scale: 2,
    default: 10,
    transformer: numericToNumber,
  })
  typicalHandlingMinutes!: number;

  /** "一件事" bundle this item belongs to, if any. */
  @Column({ name: 'bundle', type: 'varchar', length: 100, nullable: true })
  bundle!: string | null;
}
