import { createTestDatabase } from '@onewindow/persistence/testing';
import { DemoProfile, demoChecks, loadDemo } from '@onewindow/demo-data';
import { Client } from 'pg';
import { progressPrinter, summaryLines } from './progress';

/**
 * The demo-load benchmark: a fresh database, the whole demo load, the row counts by SQL and the
 * facts checks, then the database is dropped (unless keep).
 */
export async function benchDemo(opts: {
  profile: DemoProfile;
  seed?: number;
  keep: boolean;
}): Promise<boolean> {
  const db = await createTestDatabase(`bench_demo_${opts.profile}`);
  process.stderr.write(`database ${db.name} (created and migrated)\n`);
  try {
    const summary = await loadDemo(db.url, {
      profile: opts.profile,
      seed: opts.seed,
      onProgress: progressPrinter(),
    });
    for (const line of summaryLines(summary)) console.log(line);

    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      console.log('row counts (SQL):');
      for (const t of summary.tables) {
        const r = await client.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM "${t.table}"`,
        );
        const n = Number(r.rows[0].n);
        console.log(
          `  ${t.table.padEnd(17)} ${n.toLocaleString('en-US').padStart(11)}${n === t.rows ? '' : `  (loader reported ${t.rows})`}`,
        );
      }
    } finally {
      await client.end();
    }
    console.log('checks against the facts (SQL on the loaded rows):');
    const checks = await demoChecks(db.url);
    for (const c of checks)
      console.log(
        `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.actual} (expected ${c.expected})`,
      );
    return checks.every((c) => c.ok);
  } finally {
    if (opts.keep) process.stderr.write(`kept database: ${db.url}\n`);
    else await db.drop();
  }
}
