import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV imports (docs/imports.md): ticket logs of an existing queue system, daily handling records of
 * the provincial platform, daily consultation counts.
 *
 * The uploaded file is kept (as UTF-8 text) so a worker can run, or run again, the import from
 * PostgreSQL alone: the API commits the row before it hands a job to BullMQ, and the worker's
 * sweeper hands over any queued import whose job is missing (Redis was down, or lost its data).
 * One file per hall and kind (UNIQUE on its SHA-256): uploading it again answers the same import.
 *
 * A worker writes the facts in batches; each batch's transaction also moves `checkpoint_line`
 * (the last line of the file done) and adds the batch's counts and rejected rows, so a job run
 * again after its worker died resumes after the last committed batch and ends with the same
 * facts and the same counts. `run` numbers the hand-overs of an import to BullMQ (the job id
 * is `import|<id>|<run>`): a failed import uploaded again starts a new run under a new job id.
 */
export class Imports1764806400000 implements MigrationInterface {
  name = 'Imports1764806400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "imports" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "hall_id" uuid NOT NULL REFERENCES "halls"("id"),
        "kind" varchar(20) NOT NULL,
        "file_name" varchar(200),
        "sha256" varchar(64) NOT NULL,
        "size_bytes" integer NOT NULL,
        "content" text NOT NULL,
        "columns" text[] NOT NULL DEFAULT '{}',
        "ignored_columns" text[] NOT NULL DEFAULT '{}',
        "state" varchar(10) NOT NULL DEFAULT 'queued',
        "run" integer NOT NULL DEFAULT 1,
        "progress" double precision NOT NULL DEFAULT 0,
        "checkpoint_line" integer NOT NULL DEFAULT 0,
        "rows_total" integer NOT NULL DEFAULT 0,
        "rows_imported" integer NOT NULL DEFAULT 0,
        "rows_updated" integer NOT NULL DEFAULT 0,
        "rows_unchanged" integer NOT NULL DEFAULT 0,
        "rows_rejected" integer NOT NULL DEFAULT 0,
        "rejections" jsonb NOT NULL DEFAULT '[]',
        "error" text,
        "created_by" uuid REFERENCES "users"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "finished_at" timestamptz,
        CONSTRAINT "UQ_imports_hall_kind_sha256" UNIQUE ("hall_id", "kind", "sha256"),
        CONSTRAINT "CHK_imports_kind" CHECK ("kind" IN ('tickets', 'handling_records', 'consultations')),
        CONSTRAINT "CHK_imports_state" CHECK ("state" IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT "CHK_imports_progress" CHECK ("progress" >= 0 AND "progress" <= 1)
      )`);
    await q.query(
      `CREATE INDEX "IDX_imports_hall_created" ON "imports" ("hall_id", "created_at")`,
    );
    // the worker's sweeper: imports not finished yet
    await q.query(
      `CREATE INDEX "IDX_imports_pending" ON "imports" ("created_at") WHERE "state" IN ('queued', 'running')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "imports"`);
  }
}
