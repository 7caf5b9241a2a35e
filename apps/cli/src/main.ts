/**
 * OneWindow command line: database migrations and the demo data set.
 *
 *   node dist/apps/cli/main.js migrate
 *   node dist/apps/cli/main.js seed [--profile full|small] [--seed N] [--force]
 *   node dist/apps/cli/main.js setup [--profile full|small]
 *   node dist/apps/cli/main.js bench-demo [--profile full|small] [--keep]
 *   node dist/apps/cli/main.js rollup
 *
 * The database is DATABASE_URL (see the configuration in @onewindow/server-core).
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { RollupQueries } from '@onewindow/persistence';
import { loadConfigOrExit, rollUpOutbox } from '@onewindow/server-core';
import {
  DemoDataPresentError,
  DemoProfile,
  countHalls,
  loadDemo,
} from '@onewindow/demo-data';
import { parseArgs } from './args';
import { benchDemo } from './bench-demo';
import { ensureDatabase, migrate } from './database';
import { progressPrinter, summaryLines } from './progress';

const USAGE = `usage: onewindow <command> [options]

commands:
  migrate                      apply the pending database migrations
  seed [--profile full|small]  load the demo data set (refuses if the database has halls; --force replaces the demo tables)
       [--seed N] [--force]
  setup [--profile full|small] create the database if needed, migrate, and load the demo data if there are no halls yet
  bench-demo [--profile full|small] [--keep]
                               load the demo into a fresh database, print timings, counts and the facts checks, drop it
  rollup                       roll up now every hall-day waiting in the outbox (what the worker does over time)

environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/onewindow)
`;

function profileOf(flags: Record<string, string | true>): DemoProfile {
  const p = flags['profile'] ?? 'full';
  if (p !== 'full' && p !== 'small')
    throw new UsageError(`--profile must be full or small, not ${String(p)}`);
  return p;
}

function seedOf(flags: Record<string, string | true>): number | undefined {
  const s = flags['seed'];
  if (s === undefined) return undefined;
  if (s === true || !/^\d+$/.test(s))
    throw new UsageError('--seed must be a non-negative integer');
  return Number(s);
}

class UsageError extends Error {}

async function hallCount(databaseUrl: string): Promise<number> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return await countHalls(c);
  } finally {
    await c.end();
  }
}

/** Every hall-day the outbox holds, rolled up now (rollUpOutbox); the number of hall-days. */
async function rollUp(databaseUrl: string): Promise<number> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return await rollUpOutbox(
      new RollupQueries({
        query: async (sql: string, params?: unknown[]) =>
          (await c.query(sql, params)).rows,
      }),
    );
  } finally {
    await c.end();
  }
}

async function seed(
  databaseUrl: string,
  profile: DemoProfile,
  seedValue: number | undefined,
  force: boolean,
): Promise<void> {
  const summary = await loadDemo(databaseUrl, {
    profile,
    seed: seedValue,
    force,
    onProgress: progressPrinter(),
  });
  for (const line of summaryLines(summary)) console.log(line);
}

async function main(argv: string[]): Promise<number> {
  const { command, flags } = parseArgs(argv);
  if (!command || flags['help'] || command === 'help') {
    process.stdout.write(USAGE);
    return command || flags['help'] ? 0 : 1;
  }
  switch (command) {
    case 'migrate': {
      const config = loadConfigOrExit();
      const applied = await migrate(config.DATABASE_URL);
      console.log(
        applied.length
          ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
          : 'no pending migrations',
      );
      return 0;
    }
    case 'seed': {
      const config = loadConfigOrExit();
      await seed(
        config.DATABASE_URL,
        profileOf(flags),
        seedOf(flags),
        flags['force'] === true,
      );
      return 0;
    }
    case 'setup': {
      const config = loadConfigOrExit();
      const profile = profileOf(flags);
      if (await ensureDatabase(config.DATABASE_URL))
        console.log('created the database');
      const applied = await migrate(config.DATABASE_URL);
      console.log(
        applied.length
          ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
          : 'no pending migrations',
      );
      const halls = await hallCount(config.DATABASE_URL);
      if (halls > 0) {
        console.log(
          `the database already has ${halls} halls: demo data not loaded (use "seed --force" to replace it)`,
        );
        return 0;
      }
      await seed(config.DATABASE_URL, profile, seedOf(flags), false);
      return 0;
    }
    case 'bench-demo': {
      const ok = await benchDemo({
        profile: profileOf(flags),
        seed: seedOf(flags),
        keep: flags['keep'] === true,
      });
      return ok ? 0 : 2;
    }
    case 'rollup': {
      const config = loadConfigOrExit();
      const n = await rollUp(config.DATABASE_URL);
      console.log(`rolled up ${n} hall-day(s)`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${USAGE}`);
      process.exit(1);
    }
    if (e instanceof DemoDataPresentError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    process.stderr.write(
      `${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  },
);
