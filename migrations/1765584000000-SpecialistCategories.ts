import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Specialist categories: a category whose business needs staff that comprehensive windows do not
 * have (vehicles and licences, real estate…). The catalog carries the flag
 * (categories.specialist); a hall may override it (halls.specialist_categories: null, the hall
 * follows the catalog; an array, exactly these categories are specialist in that hall).
 */
export class SpecialistCategories1765584000000 implements MigrationInterface {
  name = 'SpecialistCategories1765584000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "categories" ADD "specialist" boolean NOT NULL DEFAULT false`,
    );
    await q.query(
      `ALTER TABLE "halls" ADD "specialist_categories" character varying(40) array`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "halls" DROP COLUMN "specialist_categories"`);
    await q.query(`ALTER TABLE "categories" DROP COLUMN "specialist"`);
  }
}
