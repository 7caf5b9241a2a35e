import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live events of each hall (ticket and window changes) for display boards and dashboards.
 * Every event gets the next number of its hall's sequence inside the transaction of the change;
 * the counter row stays locked until commit, so a hall's events become visible in sequence order
 * and a board that resumes from Last-Event-ID never skips one.
 */
export class HallEvents1764288000000 implements MigrationInterface {
  name = 'HallEvents1764288000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "hall_event_counters" (
        "hall_id" uuid NOT NULL,
        "last_seq" bigint NOT NULL DEFAULT 0,
        CONSTRAINT "PK_hall_event_counters" PRIMARY KEY ("hall_id")
      )`);
    await q.query(`
      CREATE TABLE "hall_events" (
        "hall_id" uuid NOT NULL,
        "seq" bigint NOT NULL,
        "type" varchar(32) NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_hall_events" PRIMARY KEY ("hall_id", "seq")
      )`);
    await q.query(
      `CREATE INDEX "IDX_hall_events_created" ON "hall_events" ("created_at")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "hall_events"`);
    await q.query(`DROP TABLE "hall_event_counters"`);
  }
}
