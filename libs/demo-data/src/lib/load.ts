import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CopyChunk, DemoDataset, DemoOptions, DemoProfile } from './dataset';

export interface LoadProgress {
  table: string;
  /** rows of this table written so far */
  rows: number;
  rowsPerSecond: number;
  /** seconds since the table started */
  seconds: number;
  done: boolean;
}

export interface LoadOptions extends DemoOptions {
  /** load even if the database already has halls: the demo tables are truncated first */
  force?: boolean;
  /** called about twice a second per table, and once when a table is done */
  onProgress?: (p: LoadProgress) => void;
  /** run ANALYZE on the loaded tables afterwards (default true) */
  analyze?: boolean;
}

export interface LoadSummary {
  profile: DemoProfile;
  seed: number;
  tables: { table: string; rows: number; seconds: number }[];
  totalRows: number;
  tickets: number;
  /** seconds of the final ANALYZE (included in seconds) */
  analyzeSeconds: number;
  seconds: number;
}

export class DemoDataPresentError extends Error {
  constructor(readonly halls: number) {
    super(
      `the database already has ${halls} halls; refusing to load the demo data (use --force to replace the demo tables)`,
    );
    this.name = 'DemoDataPresentError';
  }
}

/**
 * Truncated by --force: every table the demo fills, the ones that reference them, and the live
 * state derived from tickets (those of later migrations only where they exist).
 */
export const DEMO_TABLES = [
  'regions',
  'halls',
  'categories',
  'service_items',
  'windows',
  'window_events',
  'staff',
  'reassignments',
  'tickets',
  'ticket_counters',
  'idempotency_keys',
  'footfall',
  'handling_records',
  'consultations',
  'targets',
  'users',
  'devices',
  'plans',
  'hall_events',
  'hall_event_counters',
  'outbox',
  'rollup_hourly',
  'rollup_daily',
  'rollup_window_daily',
  'rollup_hall_facts',
  'rollup_region_daily',
  'region_window_deltas',
];

/**
 * Tables whose foreign keys, primary key and indexes are dropped for the COPY and re-created
 * after it, inside the load transaction: checking a foreign key row by row costs more than the
 * COPY itself (handling_records: 25 s with them, 5 s with drop + re-create, measured). The
 * tickets keep their indexes: re-creating them costs as much as maintaining them.
 */
export const DETACH_FOR_COPY = ['handling_records', 'footfall'];

/** Tables whose writes add outbox rows for the rollups (their triggers: libs/persistence/src/sql/triggers/). */
export const OUTBOX_TABLES = [
  'tickets',
  'footfall',
  'handling_records',
  'consultations',
  'reassignments',
];

async function detachConstraints(
  client: Client,
  table: string,
): Promise<string[]> {
  const ident = `"${table}"`;
  const referenced = await client.query(
    'SELECT 1 FROM pg_constraint WHERE confrelid = $1::regclass LIMIT 1',
    [ident],
  );
  const kinds = referenced.rowCount ? ['f'] : ['p', 'u', 'f'];
  const cons = await client.query<{ name: string; def: string; kind: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def, contype AS kind FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype = ANY($2) ORDER BY contype = 'f' DESC, conname`,
    [ident, kinds],
  );
  const idx = referenced.rowCount
    ? { rows: [] as { name: string; def: string }[] }
    : await client.query<{ name: string; def: string }>(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
          WHERE i.indrelid = $1::regclass
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
          ORDER BY 1`,
        [ident],
      );
  for (const c of cons.rows)
    await client.query(`ALTER TABLE ${ident} DROP CONSTRAINT "${c.name}"`);
  for (const i of idx.rows) await client.query(`DROP INDEX ${i.name}`);
  // re-create: keys and indexes first, foreign keys last
  return [
    ...cons.rows
      .filter((c) => c.kind !== 'f')
      .map((c) => `ALTER TABLE ${ident} ADD CONSTRAINT "${c.name}" ${c.def}`),
    ...idx.rows.map((i) => i.def),
    ...cons.rows
      .filter((c) => c.kind === 'f')
      .map((c) => `ALTER TABLE ${ident} ADD CONSTRAINT "${c.name}" ${c.def}`),
  ];
}

/** Number of halls in the database (throws a clear error when the schema is missing). */
export async function countHalls(client: Client): Promise<number> {
  const exists = await client.query<{ t: string | null }>(
    `SELECT to_regclass('public.halls')::text AS t`,
  );
  if (!exists.rows[0].t)
    throw new Error(
      'the database has no schema yet: run the migrations first (onewindow migrate)',
    );
  const r = await client.query<{ n: string }>(
    'SELECT count(*)::text AS n FROM halls',
  );
  return Number(r.rows[0].n);
}

/**
 * Loads the demo data set into a migrated database with COPY FROM STDIN, table by table in
 * foreign-key order, in one transaction; rows are generated lazily, a chunk at a time.
 */
export async function loadDemo(
  databaseUrl: string,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const started = Date.now();
  const ds = new DemoDataset(options);
  const client = new Client({
    connectionString: databaseUrl,
    application_name: 'onewindow-demo-load',
  });
  await client.connect();
  const tables: LoadSummary['tables'] = [];
  let analyzeSeconds = 0;
  try {
    const halls = await countHalls(client);
    if (halls > 0 && !options.force) throw new DemoDataPresentError(halls);
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit TO off');
    if (halls > 0) {
      const present = await client.query<{ t: string }>(
        `SELECT t FROM unnest($1::text[]) AS t WHERE to_regclass('public.' || quote_ident(t)) IS NOT NULL`,
        [DEMO_TABLES],
      );
      await client.query(
        `TRUNCATE ${present.rows.map((r) => `"${r.t}"`).join(', ')} RESTART IDENTITY CASCADE`,
      );
    }
    // one outbox row per hall and day at the end, instead of the triggers' per COPY statement
    // (their transition tables would hold every copied row): see the Rollups migration
    for (const t of OUTBOX_TABLES)
      await client.query(
        `ALTER TABLE "${t}" DISABLE TRIGGER "TRG_${t}_outbox_insert"`,
      );
    const span = ds.ticketSpan();
    await client.query('SELECT ensure_ticket_partitions($1::date, $2::date)', [
      span.from,
      span.to,
    ]);
    for (const stream of ds.tableStreams()) {
      const t0 = Date.now();
      let rows = 0;
      let lastReport = t0;
      const report = (done: boolean): void => {
        const now = Date.now();
        const seconds = (now - t0) / 1000;
        options.onProgress?.({
          table: stream.table,
          rows,
          rowsPerSecond: seconds > 0 ? rows / seconds : 0,
          seconds,
          done,
        });
        lastReport = now;
      };
      const source = function* (
        chunks: Iterable<CopyChunk>,
      ): Generator<string> {
        for (const c of chunks) {
          rows += c.rows;
          if (Date.now() - lastReport >= 500) report(false);
          yield c.text;
        }
      };
      const restore = DETACH_FOR_COPY.includes(stream.table)
        ? await detachConstraints(client, stream.table)
        : [];
      const copy = client.query(
        copyFrom(
          `COPY "${stream.table}" (${stream.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`,
        ),
      );
      await pipeline(
        Readable.from(source(stream.chunks()), { objectMode: false }),
        copy,
      );
      for (const sql of restore) await client.query(sql);
      report(true);
      tables.push({
        table: stream.table,
        rows,
        seconds: (Date.now() - t0) / 1000,
      });
    }
    for (const t of OUTBOX_TABLES)
      await client.query(
        `ALTER TABLE "${t}" ENABLE TRIGGER "TRG_${t}_outbox_insert"`,
      );
    await client.query(
      `INSERT INTO outbox (topic, hall_id, payload)
       SELECT 'rollup', hall_id, jsonb_build_object('date', day, 'source', 'demo')
       FROM (SELECT DISTINCT hall_id, service_date AS day FROM tickets
             UNION SELECT hall_id, record_date FROM handling_records
             UNION SELECT hall_id, record_date FROM consultations
             UNION SELECT hall_id, effective_date FROM reassignments
             UNION SELECT f.hall_id, (f.period_start AT TIME ZONE h.timezone)::date
                   FROM footfall f JOIN halls h ON h.id = f.hall_id) d
       ORDER BY day, hall_id`,
    );
    await client.query('COMMIT');
    if (options.analyze !== false) {
      const a0 = Date.now();
      await client.query(
        `ANALYZE ${['windows', 'window_events', 'staff', 'reassignments', 'tickets', 'ticket_counters', 'footfall', 'handling_records', 'consultations'].map((t) => `"${t}"`).join(', ')}`,
      );
      analyzeSeconds = (Date.now() - a0) / 1000;
    }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
  const totalRows = tables.reduce((s, t) => s + t.rows, 0);
  return {
    profile: ds.profile,
    seed: ds.seed,
    tables,
    totalRows,
    tickets: tables.find((t) => t.table === 'tickets')?.rows ?? 0,
    analyzeSeconds,
    seconds: (Date.now() - started) / 1000,
  };
}
