import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole domain of docs/design.md: directory (regions, halls, catalog), windows and their
 * lifecycle, staff and reassignments, the queue (tickets partitioned by month, counters,
 * idempotency keys), sensor and platform facts (footfall, handling records, consultations),
 * targets, devices, users, audit log, outbox and plans.
 *
 * Enumerations are text columns with CHECK constraints (extendable by a later migration without
 * the ALTER TYPE dance). Tickets are range-partitioned by service_date; partitions are created by
 * ensure_ticket_partitions(from, to), which the demo loader and the worker call ahead of time.
 */
export class InitialSchema1764201600000 implements MigrationInterface {
  name = 'InitialSchema1764201600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "regions" (
        "code" varchar(12) PRIMARY KEY,
        "name" varchar(100) NOT NULL,
        "name_en" varchar(100),
        "level" varchar(16) NOT NULL,
        "parent_code" varchar(12) REFERENCES "regions"("code"),
        CONSTRAINT "CHK_regions_level" CHECK ("level" IN ('province', 'city', 'county', 'township'))
      )`);
    await q.query(
      `CREATE INDEX "IDX_regions_parent" ON "regions" ("parent_code")`,
    );

    await q.query(`
      CREATE TABLE "halls" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "key" varchar(40) UNIQUE,
        "name" varchar(200) NOT NULL,
        "name_en" varchar(200),
        "region_code" varchar(12) NOT NULL REFERENCES "regions"("code"),
        "kind" varchar(20) NOT NULL,
        "timezone" varchar(40) NOT NULL DEFAULT 'Asia/Shanghai',
        "opening_hours" jsonb NOT NULL DEFAULT '{"weekdays":[1,2,3,4,5],"open":"08:30","close":"17:00"}',
        "target_wait_minutes" integer NOT NULL DEFAULT 15,
        "priority_overtake_cap" integer NOT NULL DEFAULT 5,
        "normal_max_wait_minutes" integer NOT NULL DEFAULT 45,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_halls_kind" CHECK ("kind" IN ('city_center', 'county_center', 'township_center', 'partner_outlet'))
      )`);
    await q.query(`CREATE INDEX "IDX_halls_region" ON "halls" ("region_code")`);

    await q.query(`
      CREATE TABLE "categories" (
        "code" varchar(40) PRIMARY KEY,
        "name" varchar(100) NOT NULL,
        "name_en" varchar(100),
        "ticket_prefix" varchar(2) NOT NULL UNIQUE,
        "sort_order" integer NOT NULL DEFAULT 0
      )`);

    await q.query(`
      CREATE TABLE "service_items" (
        "code" varchar(40) PRIMARY KEY,
        "name" varchar(200) NOT NULL,
        "category_code" varchar(40) NOT NULL REFERENCES "categories"("code"),
        "aliases" text[] NOT NULL DEFAULT '{}',
        "online_available" boolean NOT NULL DEFAULT false,
        "typical_handling_minutes" numeric(6,2) NOT NULL DEFAULT 10,
        "bundle" varchar(100)
      )`);
    await q.query(
      `CREATE INDEX "IDX_service_items_category" ON "service_items" ("category_code")`,
    );

    await q.query(`
      CREATE TABLE "windows" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "hall_id" uuid NOT NULL REFERENCES "halls"("id"),
        "label" varchar(20) NOT NULL,
        "mode" varchar(16) NOT NULL,
        "category_codes" text[] NOT NULL DEFAULT '{}',
        "state" varchar(10) NOT NULL DEFAULT 'closed',
        "opened_on" date NOT NULL,
        "retired_on" date,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_windows_mode" CHECK ("mode" IN ('department', 'comprehensive')),
        CONSTRAINT "CHK_windows_state" CHECK ("state" IN ('open', 'paused', 'closed', 'retired'))
      )`);
    await q.query(
      `CREATE INDEX "IDX_windows_hall" ON "windows" ("hall_id", "state")`,
    );

    await q.query(`
      CREATE TABLE "window_events" (
        "id" bigserial PRIMARY KEY,
        "hall_id" uuid NOT NULL REFERENCES "halls"("id"),
        "window_id" uuid NOT NULL REFERENCES "windows"("id"),
        "kind" varchar(12) NOT NULL,
        "effective_date" date NOT NULL,
        "mode" varchar(16),
        "category_codes" text[],
        "note" text,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_window_events_kind" CHECK ("kind" IN ('opened', 'converted', 'retired'))
      )`);
    await q.query(
      `CREATE INDEX "IDX_window_events_hall_date" ON "window_events" ("hall_id", "effective_date")`,
    );
    await q.query(
      `CREATE INDEX "IDX_window_events_window" ON "window_events" ("window_id", "effective_date")`,
    );

    await q.query(`
      CREATE TABLE "staff" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "hall_id" uuid NOT NULL REFERENCES "halls"("id"),
        "name" varchar(100) NOT NULL,
        "role" varchar(32) NOT NULL,
        "skills" text[] NOT NULL DEFAULT '{}',
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_staff_hall" ON "staff" ("hall_id")`);

    await q.query(`
      CREATE TABLE "reassignments" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "staff_id" uuid NOT NULL REFERENCES "staff"("id"),
        "hall_id" uuid NOT NULL REFERENCES "halls"("id"),
        "from_role" varchar(32) NOT NULL,
        "from_place" varchar(100),
        "to_role" varchar(32) NOT NULL,
        "to_place" varchar(100),
        "effective_date" date NOT NULL,
        "reason" text,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX "IDX_reassignments_hall_date" ON "reassignments" ("hall_id", "effective_date")`,
    );

    await q.query(`
      CREATE TABLE "tickets" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "service_date" date NOT NULL,
        "hall_id" uuid NOT NULL,
        "number" varchar(12) NOT NULL,
        "prefix" varchar(2) NOT NULL,
        "sequence" integer NOT NULL,
        "service_item_code" varchar(40) NOT NULL,
        "category_code" varchar(40) NOT NULL,
        "priority" varchar(12) NOT NULL DEFAULT 'normal',
        "channel" varchar(12) NOT NULL DEFAULT 'kiosk',
        "state" varchar(12) NOT NULL DEFAULT 'waiting',
        "issued_at" timestamptz NOT NULL,
        "queue_at" timestamptz NOT NULL,
        "called_at" timestamptz,
        "started_at" timestamptz,
        "completed_at" timestamptz,
        "cancelled_at" timestamptz,
        "window_id" uuid,
        "staff_id" uuid,
        "recall_count" integer NOT NULL DEFAULT 0,
        "outcome" varchar(16),
        "rating" smallint,
        "transferred_from_id" uuid,
        CONSTRAINT "PK_tickets" PRIMARY KEY ("id", "service_date"),
        CONSTRAINT "CHK_tickets_priority" CHECK ("priority" IN ('normal', 'priority', 'appointment')),
        CONSTRAINT "CHK_tickets_channel" CHECK ("channel" IN ('kiosk', 'mobile', 'appointment', 'staff', 'import')),
        CONSTRAINT "CHK_tickets_state" CHECK ("state" IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'transferred')),
        CONSTRAINT "CHK_tickets_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('done', 'needs_materials', 'rejected')),
        CONSTRAINT "CHK_tickets_rating" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5)
      ) PARTITION BY RANGE ("service_date")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_tickets_hall_date_number" ON "tickets" ("hall_id", "service_date", "number")`,
    );
    // call-next: the waiting tickets of one hall and day, oldest first
    await q.query(
      `CREATE INDEX "IDX_tickets_waiting" ON "tickets" ("hall_id", "service_date", "queue_at") WHERE "state" = 'waiting'`,
    );
    // rollups: one hall's tickets over a span of days
    await q.query(
      `CREATE INDEX "IDX_tickets_hall_date" ON "tickets" ("hall_id", "service_date")`,
    );
    await q.query(`
      CREATE FUNCTION ensure_ticket_partitions(from_date date, to_date date) RETURNS integer
      LANGUAGE plpgsql AS $$
      DECLARE
        m date := date_trunc('month', from_date)::date;
        created integer := 0;
        part text;
      BEGIN
        WHILE m <= to_date LOOP
          part := format('tickets_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'));
          IF to_regclass(part) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF tickets FOR VALUES FROM (%L) TO (%L)',
                           part, m, (m + interval '1 month')::date);
            created := created + 1;
          END IF;
          m := (m + interval '1 month')::date;
        END LOOP;
        RETURN created;
      END $$`);
    await q.query(
      `SELECT ensure_ticket_partitions((date_trunc('month', now()) - interval '1 month')::date, (now() + interval '3 months')::date)`,
    );

    await q.query(`
      CREATE TABLE "ticket_counters" (
        "hall_id" uuid NOT NULL,
        "service_date" date NOT NULL,
        "prefix" varchar(2) NOT NULL,
        "last_value" integer NOT NULL DEFAULT 0,
        CONSTRAINT "PK_ticket_counters" PRIMARY KEY ("hall_id", "service_date", "prefix")
      )`);

    await q.query(`
      CREATE TABLE "idempotency_keys" (
        "hall_id" uuid NOT NULL,
        "principal" varchar(64) NOT NULL,
        "key" varchar(64) NOT NULL,
        "request_hash" varchar(64) NOT NULL,
        "ticket_id" uuid NOT NULL,
        "service_date" date NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("hall_id", "principal", "key")
      )`);
    await q.query(
      `CREATE INDEX "IDX_idempotency_keys_created" ON "idempotency_keys" ("created_at")`,
    );

    await q.query(`
      CREATE TABLE "footfall" (
        "hall_id" uuid NOT NULL REFERENCES "halls"("id"),
        "sensor_id" varchar(64) NOT NULL,
        "period_start" timestamptz NOT NULL,
        "period_end" timestamptz NOT NULL,
        "entries" integer NOT NULL,
        "exits" integer,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_footfall" PRIMARY KEY ("hall_id", "sensor_id", "period_start"),
        CONSTRAINT "CHK_footfall_counts" CHECK ("entries" >= 0 AND ("exits" IS NULL OR "exits" >= 0)),
        CONSTRAINT "CHK_footfall_period" CHECK ("period_end" > "period_start")
      )`);
    await q.query(
      `CREATE INDEX "IDX_footfall_hall_period" ON "footfall" ("hall_id", "period_start")`,
    );

    await q.query(`
      CREATE TABLE "handling_records" (
        "hall_id" uuid NOT NULL REFERENCES "halls"("id"),
        "record_date" date NOT NULL,
        "service_item_code" varchar(40) NOT NULL REFERENCES "service_items"("code"),
        "channel" varchar(24) NOT NULL,
        "count" integer NOT NULL,
        CONSTRAINT "PK_handling_records" PRIMARY KEY ("hall_id", "record_date", "service_item_code", "channel"),
        CONSTRAINT "CHK_handling_records_channel" CHECK ("channel" IN ('window', 'online_web', 'online_mobile', 'self_service_terminal', 'partner_outlet', 'agent')),
        CONSTRAINT "CHK_handling_records_count" CHECK ("count" >= 0)
      )`);
    await q.query(
      `CREATE INDEX "IDX_handling_records_date" ON "handling_records" ("record_date")`,
    );

    await q.query(`
      CREATE TABLE "consultations" (
        "hall_id" uuid NOT NULL REFERENCES "halls"("id"),
        "record_date" date NOT NULL,
        "channel" varchar(16) NOT NULL,
        "count" integer NOT NULL,
        CONSTRAINT "PK_consultations" PRIMARY KEY ("hall_id", "record_date", "channel"),
        CONSTRAINT "CHK_consultations_channel" CHECK ("channel" IN ('robot', 'online_human', 'window')),
        CONSTRAINT "CHK_consultations_count" CHECK ("count" >= 0)
      )`);

    await q.query(`
      CREATE TABLE "targets" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "hall_id" uuid REFERENCES "halls"("id"),
        "region_code" varchar(12) REFERENCES "regions"("code"),
        "metric" varchar(24) NOT NULL,
        "comparison" varchar(2) NOT NULL,
        "value" numeric(12,4) NOT NULL,
        "parameter" numeric(12,4),
        "due_date" date NOT NULL,
        "note" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_targets_scope" CHECK (("hall_id" IS NULL) <> ("region_code" IS NULL)),
        CONSTRAINT "CHK_targets_metric" CHECK ("metric" IN ('windows', 'online_rate', 'daily_visitors', 'mean_wait', 'within_minutes_share', 'consultation_mix')),
        CONSTRAINT "CHK_targets_comparison" CHECK ("comparison" IN ('lt', 'le', 'gt', 'ge', 'eq'))
      )`);
    await q.query(`CREATE INDEX "IDX_targets_hall" ON "targets" ("hall_id")`);
    await q.query(
      `CREATE INDEX "IDX_targets_region" ON "targets" ("region_code")`,
    );

    await q.query(`
      CREATE TABLE "users" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "username" varchar(64) NOT NULL UNIQUE,
        "password_hash" varchar(100) NOT NULL,
        "role" varchar(16) NOT NULL,
        "hall_id" uuid REFERENCES "halls"("id"),
        "region_code" varchar(12) REFERENCES "regions"("code"),
        "display_name" varchar(100),
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_users_role" CHECK ("role" IN ('admin', 'reform_office', 'hall_manager', 'clerk')),
        CONSTRAINT "CHK_users_scope" CHECK (
          ("role" = 'admin' AND "hall_id" IS NULL AND "region_code" IS NULL) OR
          ("role" = 'reform_office' AND "hall_id" IS NULL AND "region_code" IS NOT NULL) OR
          ("role" IN ('hall_manager', 'clerk') AND "hall_id" IS NOT NULL AND "region_code" IS NULL))
      )`);

    await q.query(`
      CREATE TABLE "devices" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "hall_id" uuid NOT NULL REFERENCES "halls"("id"),
        "kind" varchar(10) NOT NULL,
        "name" varchar(100) NOT NULL,
        "token_hash" varchar(64) NOT NULL UNIQUE,
        "created_by" uuid REFERENCES "users"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at" timestamptz,
        "last_seen_at" timestamptz,
        CONSTRAINT "CHK_devices_kind" CHECK ("kind" IN ('kiosk', 'sensor', 'display'))
      )`);
    await q.query(`CREATE INDEX "IDX_devices_hall" ON "devices" ("hall_id")`);

    await q.query(`
      CREATE TABLE "audit_log" (
        "id" bigserial PRIMARY KEY,
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "actor_name" varchar(64),
        "action" varchar(40) NOT NULL,
        "entity_type" varchar(40) NOT NULL,
        "entity_id" varchar(64),
        "hall_id" uuid,
        "region_code" varchar(12),
        "before" jsonb,
        "after" jsonb,
        "request_id" varchar(64)
      )`);
    await q.query(
      `CREATE INDEX "IDX_audit_log_hall_at" ON "audit_log" ("hall_id", "at")`,
    );
    await q.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log" ("at")`);

    await q.query(`
      CREATE TABLE "outbox" (
        "id" bigserial PRIMARY KEY,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "topic" varchar(40) NOT NULL,
        "hall_id" uuid,
        "payload" jsonb NOT NULL,
        "dispatched_at" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0
      )`);
    await q.query(
      `CREATE INDEX "IDX_outbox_pending" ON "outbox" ("id") WHERE "dispatched_at" IS NULL`,
    );

    await q.query(`
      CREATE TABLE "plans" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "hall_id" uuid NOT NULL REFERENCES "halls"("id"),
        "created_by" uuid REFERENCES "users"("id"),
        "name" varchar(100),
        "state" varchar(10) NOT NULL DEFAULT 'queued',
        "progress" double precision NOT NULL DEFAULT 0,
        "inputs" jsonb NOT NULL,
        "result" jsonb,
        "error" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "finished_at" timestamptz,
        CONSTRAINT "CHK_plans_state" CHECK ("state" IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT "CHK_plans_progress" CHECK ("progress" >= 0 AND "progress" <= 1)
      )`);
    await q.query(
      `CREATE INDEX "IDX_plans_hall_created" ON "plans" ("hall_id", "created_at")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'plans',
      'outbox',
      'audit_log',
      'devices',
      'users',
      'targets',
      'consultations',
      'handling_records',
      'footfall',
      'idempotency_keys',
      'ticket_counters',
      'tickets',
      'reassignments',
      'staff',
      'window_events',
      'windows',
      'service_items',
      'categories',
      'halls',
      'regions',
    ]) {
      await q.query(`DROP TABLE IF EXISTS "${t}" CASCADE`);
    }
    await q.query(
      `DROP FUNCTION IF EXISTS ensure_ticket_partitions(date, date)`,
    );
  }
}
