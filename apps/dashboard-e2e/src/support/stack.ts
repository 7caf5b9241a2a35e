import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** The workspace root (this file is apps/dashboard-e2e/src/support/stack.ts). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const API_MAIN = resolve(WORKSPACE_ROOT, 'dist/apps/api/main.js');
const CLI_MAIN = resolve(WORKSPACE_ROOT, 'dist/apps/cli/main.js');
export const DEMO_LIVE_MAIN = resolve(
  WORKSPACE_ROOT,
  'dist/apps/demo-live/main.js',
);
const WORKER_MAIN = resolve(WORKSPACE_ROOT, 'dist/apps/worker/main.js');
const DASHBOARD_DIR = resolve(WORKSPACE_ROOT, 'dist/apps/dashboard/browser');
const FLOOR_DIR = resolve(WORKSPACE_ROOT, 'dist/apps/floor/browser');

export interface Stack {
  baseUrl: string;
  /** What the API printed, for failure messages. */
  apiOutput(): string;
  stop(): Promise<void>;
}

function adminUrl(): string {
  return (
    process.env['TEST_DATABASE_ADMIN_URL'] ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(process.execPath, [CLI_MAIN, ...args], {
      cwd: WORKSPACE_ROOT,
      env,
      timeout: 240_000,
      maxBuffer: 64 << 20,
    });
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string };
    throw new Error(
      `cli ${args.join(' ')} failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`,
    );
  }
}

async function waitForHealth(
  baseUrl: string,
  api: ChildProcess,
  output: () => string,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (api.exitCode !== null)
      throw new Error(`the API exited with ${api.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `the API did not become healthy in ${timeoutMs} ms (${last}):\n${output()}`,
  );
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A fresh database (migrated, small demo loaded by the CLI and rolled up), the built API serving
 * the built dashboard on a free port, and the built worker beside it (planning runs). With
 * E2E_BASE_URL set, uses that server instead and starts nothing, unless `own` asks for a stack of
 * its own (a spec whose load would disturb the others'), with `env` added to the API's and worker's.
 */
export async function startStack(
  options: { own?: boolean; env?: Record<string, string> } = {},
): Promise<Stack> {
  const external = process.env['E2E_BASE_URL'];
  if (external && !options.own)
    return {
      baseUrl: external.replace(/\/$/, ''),
      apiOutput: () => '',
      stop: async () => undefined,
    };

  for (const file of [
    API_MAIN,
    CLI_MAIN,
    resolve(DASHBOARD_DIR, 'index.html'),
    resolve(FLOOR_DIR, 'index.html'),
  ]) {
    if (!existsSync(file))
      throw new Error(
        `${file} is missing: run \`npx nx e2e dashboard-e2e\`, which builds api, cli, worker, dashboard and floor first`,
      );
  }

  const dbName = `ow_e2e_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const dbUrl = new URL(adminUrl());
  dbUrl.pathname = `/${dbName}`;
  const dropDatabase = () =>
    withAdmin((c) =>
      c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`),
    );

  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let output = '';
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `e2e${randomBytes(4).toString('hex')}`,
      JWT_SECRET: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'warn',
      ...options.env,
    };
    await cli(['migrate'], env);
    await cli(['seed', '--profile', 'small'], env);
    // what the worker does with the outbox, done at once (every hall-day the demo touched, about
    // 8,000, ~7 s), so the analytics pages have their figures before the first test
    await cli(['rollup'], env);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [API_MAIN], {
      cwd: WORKSPACE_ROOT,
      env: { ...env, PORT: String(port), DASHBOARD_DIR, FLOOR_DIR },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    api.stdout?.on('data', keep);
    api.stderr?.on('data', keep);
    await waitForHealth(baseUrl, api, () => output);
    if (existsSync(WORKER_MAIN)) {
      worker = spawn(process.execPath, [WORKER_MAIN], {
        cwd: WORKSPACE_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      worker.stdout?.on('data', keep);
      worker.stderr?.on('data', keep);
    }

    const started = api;
    const startedWorker = worker;
    return {
      baseUrl,
      apiOutput: () => output,
      stop: async () => {
        if (startedWorker) await stopProcess(startedWorker);
        await stopProcess(started);
        await dropDatabase();
      },
    };
  } catch (e) {
    if (worker) await stopProcess(worker);
    if (api) await stopProcess(api);
    await dropDatabase();
    throw e;
  }
}
