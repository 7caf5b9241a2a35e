import { plainToInstance } from 'class-transformer';
import { availableParallelism } from 'node:os';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * The one configuration of every OneWindow process (api, worker, cli). Every value comes from the
 * environment and has a local default for development, except JWT_SECRET in production.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// URL',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/onewindow';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET = 'onewindow-development-secret-change-me';

  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL:
    | 'fatal'
    | 'error'
    | 'warn'
    | 'info'
    | 'debug'
    | 'trace'
    | 'silent' = 'info';

  /** Folder of the built dashboard that the API serves at `/`; empty to serve none. */
  @IsOptional()
  @IsString()
  DASHBOARD_DIR = '';

  /**
   * Prefix of every Redis key and channel of OneWindow (BullMQ jobs, the halls' live wake-ups), so
   * tests and several installations can share one Redis.
   */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, {
    message: 'REDIS_PREFIX must be 1–40 letters, digits, _ or -',
  })
  REDIS_PREFIX = 'onewindow';

  /** Run the migrations at API start (under an advisory lock). */
  @IsIn(['true', 'false'])
  MIGRATE_ON_START: 'true' | 'false' = 'true';

  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 20;

  /**
   * Logins per account (the username, trimmed and lower-cased) per minute, from any address: a
   * password guessed from many addresses is stopped as well as one address trying many accounts.
   */
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE = 10;

  /** Seconds between keep-alive comments on the live event streams. */
  @IsInt()
  @Min(1)
  @Max(300)
  SSE_KEEPALIVE_SECONDS = 15;

  @IsInt()
  @Min(1)
  @Max(1000000)
  DEVICE_RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Citizens' ticket pages, per client address. Generous: every phone on a hall's guest Wi-Fi
   * shares one address.
   */
  @IsInt()
  @Min(1)
  @Max(1000000)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 300;

  /** Built hall-floor app (kiosk, board, counter, rating pad, ticket page); empty to serve none. */
  @IsOptional()
  @IsString()
  FLOOR_DIR = '';

  /** Worker: milliseconds between looks at the outbox for facts to roll up. */
  @IsInt()
  @Min(50)
  @Max(60000)
  OUTBOX_POLL_MS = 1000;

  /**
   * Worker: seconds a job's lock lasts without renewal; a job of a worker that died is run again
   * after about this long.
   */
  @IsInt()
  @Min(1)
  @Max(600)
  JOB_LOCK_SECONDS = 30;

  /**
   * API: threads that compute the planner's instant answers (Erlang C/A, simulate, minimum
   * windows, replay) off the request loop, so kiosks are never stalled by a manager's plan.
   * Default: one core fewer than the machine has (at least 1, at most 4).
   */
  @IsInt()
  @Min(1)
  @Max(64)
  PLANNING_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));

  /** API: planner requests that may wait for a thread; beyond them, 429 with Retry-After. */
  @IsInt()
  @Min(0)
  @Max(10000)
  PLANNING_QUEUE = 8;

  /** API: the built planning worker; empty for planning-worker.js beside the API's main.js. */
  @IsOptional()
  @IsString()
  PLANNING_WORKER_FILE = '';

  /**
   * API: the origins (scheme://host[:port], comma-separated) whose pages may call the API from a
   * browser (CORS). Empty: none but the API's own, which serves the dashboard and the floor.
   */
  @IsOptional()
  @IsString()
  CORS_ORIGINS = '';
}

/**
 * The origins of CORS_ORIGINS (trimmed, empty items dropped), or the problem with the first that
 * is not an origin: `https://dash.example.gov.cn`, `http://127.0.0.1:4200`; no path, no `*`.
 */
export function parseCorsOrigins(
  value: string,
): { origins: string[] } | { problem: string } {
  const origins: string[] = [];
  for (const [i, raw] of value.split(',').entries()) {
    const item = raw.trim();
    if (!item) continue;
    let origin: string | null = null;
    try {
      const u = new URL(item);
      if (u.protocol === 'http:' || u.protocol === 'https:') origin = u.origin;
    } catch {
      origin = null;
    }
    // the origin a browser sends: scheme, host and port only, as written (no path, slash, user)
    if (origin === null || origin !== item)
      return {
        problem: `item ${i + 1} is not an origin (scheme://host[:port], no path or trailing slash)`,
      };
    origins.push(origin);
  }
  return { origins };
}

/**
 * Secrets that have been published (this repository's development default, the one earlier
 * versions of docker-compose.yml fell back to, and the usual placeholders): production refuses
 * them. Compared case-insensitively.
 */
export const KNOWN_DEFAULT_SECRETS: readonly string[] = [
  'onewindow-development-secret-change-me',
  'demo-only-jwt-secret-change-me',
  'changeme',
  'change-me',
  'secret',
  'jwt-secret',
  'jwt_secret',
  'your-secret-key',
  'please-change-me',
];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const NUMERIC_KEYS: (keyof AppConfig)[] = [
  'PORT',
  'JWT_TTL_SECONDS',
  'LOGIN_RATE_LIMIT_PER_MINUTE',
  'LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE',
  'DEVICE_RATE_LIMIT_PER_MINUTE',
  'PUBLIC_RATE_LIMIT_PER_MINUTE',
  'SSE_KEEPALIVE_SECONDS',
  'OUTBOX_POLL_MS',
  'JOB_LOCK_SECONDS',
  'PLANNING_THREADS',
  'PLANNING_QUEUE',
];

/**
 * Reads and validates the configuration; throws ConfigError naming every bad variable and why,
 * never its value (a misplaced secret must not reach a log).
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
): AppConfig {
  const defaults = new AppConfig();
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults) as (keyof AppConfig)[]) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] =
      NUMERIC_KEYS.includes(key) && /^-?\d+$/.test(value.trim())
        ? Number(value)
        : value;
  }
  const config = plainToInstance(AppConfig, { ...defaults, ...raw });
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = errors.map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (env['QUEUE_PREFIX'] !== undefined)
    problems.push('QUEUE_PREFIX: renamed REDIS_PREFIX; set that instead');
  const cors = parseCorsOrigins(config.CORS_ORIGINS);
  if ('problem' in cors) problems.push(`CORS_ORIGINS: ${cors.problem}`);
  if (
    config.NODE_ENV === 'production' &&
    KNOWN_DEFAULT_SECRETS.includes(config.JWT_SECRET.trim().toLowerCase())
  ) {
    problems.push(
      'JWT_SECRET: must be set in production to a secret of your own (this one is published)',
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** For process entry points: load the configuration or print what is wrong and exit 1. */
export function loadConfigOrExit(
  env: Record<string, string | undefined> = process.env,
): AppConfig {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
