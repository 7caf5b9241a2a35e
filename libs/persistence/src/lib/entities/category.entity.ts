import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A department business line (social security, tax, …) with its ticket number prefix. */
@Entity({ name: 'categories' })
@Unique('categories_ticket_prefix_key', ['ticketPrefix'])
export class CategoryEntity {
  @PrimaryColumn({
    name: 'code',
    type: 'varchar',
    length: 40,
    primaryKeyConstraintName: 'categories_pkey',
  })
  code!: string;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100, nullable: true })
  nameEn!: string | null;

  @Column({ name: 'ticket_prefix', type: 'varchar', length: 2 })
  ticketPrefix!: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  /**
   * Its business needs staff that comprehensive windows do not have (vehicles and licences, real
   * estate…); a hall may override the catalog's flags (halls.specialist_categories).
   */
  @Column({ name: 'specialist', type: 'boolean', default: false })
  specialist!: boolean;
}
