import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A real green channel: priority and appointment tickets are called before normal ones at every
 * window that may serve them. The cap on how many normal tickets a priority one may overtake goes;
 * fairness comes from the hall's normal_max_wait_minutes (a normal ticket that has waited that
 * long goes first) and its priority_streak_cap (after that many priority calls in a row at one
 * window, the oldest normal ticket goes next), counted per window in windows.priority_streak.
 */
export class GreenChannel1765411200000 implements MigrationInterface {
  name = 'GreenChannel1765411200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "halls" ADD "priority_streak_cap" integer NOT NULL DEFAULT 3`,
    );
    await q.query(`ALTER TABLE "halls" DROP COLUMN "priority_overtake_cap"`);
    await q.query(
      `ALTER TABLE "windows" ADD "priority_streak" integer NOT NULL DEFAULT 0`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "windows" DROP COLUMN "priority_streak"`);
    await q.query(
      `ALTER TABLE "halls" ADD "priority_overtake_cap" integer NOT NULL DEFAULT 5`,
    );
    await q.query(`ALTER TABLE "halls" DROP COLUMN "priority_streak_cap"`);
  }
}
