'use strict';
/**
 * The baselines for `npm run bench:queue`: POST /halls/:hallId/tickets on bare node:http + a pg
 * Pool. Two modes (PLAIN_MODE):
 *
 * - `plain` (default): everything the API's ticket path does, without Nest and Fastify. The same
 *   lookups with the same caching — the device looked up by its token hash on every request (its
 *   last_seen_at written at most once a minute), the same per-device rate limit counted in Redis,
 *   the service catalog read once a minute (ServiceCatalog), the hall's windows read every 2 s and the competing
 *   categories and window count derived by the API's own rules (queue-estimate.ts, loaded from the
 *   source), the category's recent handling time cached a minute (TicketEstimates); the same durable
 *   work in the same one statement (issue_ticket(): advisory lock of the key, idempotency lookup,
 *   counter upsert, ticket insert, idempotency insert, hall event counter + event, tickets ahead);
 *   the same Redis publish to wake other instances' live streams; the same status token; and the
 *   same request log (pino-http with the API's own options, at LOG_LEVEL, default info). What it
 *   leaves out is the framework: routing, DTO validation with class-validator, guards and filters.
 * - `lean`: the floor — the durable work alone: issue_ticket() for the hall in the URL, the item
 *   from a catalog read at start, no auth, no rate limit, no estimate, no publish, no log.
 *
 *   DATABASE_URL=postgres://… PORT=4100 [PLAIN_MODE=lean] node tools/bench/queue/plain-server.js
 */
const http = require('node:http');
const {
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomUUID,
} = require('node:crypto');
const { Pool } = require('pg');
const { requireTs } = require('../common/ts-module');

const MODE = process.env.PLAIN_MODE === 'lean' ? 'lean' : 'plain';
const LEAN = MODE === 'lean';
const POOL_SIZE = 20; // as the API's TypeORM pool (app.module.ts: extra.max = 20)
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: POOL_SIZE,
  application_name: `onewindow-bench-${MODE}`,
});
pool.on('error', () => {
  /* an idle client died: the pool replaces it */
});

// the API's own rules and options, from their sources
const { competingCategories, windowServes, estimateWaitMinutes } = requireTs(
  'apps/api/src/app/tickets/queue-estimate.ts',
);
const { pinoHttpOptions } = requireTs(
  'libs/server-core/src/lib/logging/logger-options.ts',
);
const { hallEventsChannel } = requireTs(
  'libs/server-core/src/lib/jobs/jobs.ts',
);
const { looksLikeDeviceToken, hashDeviceToken } = requireTs(
  'apps/api/src/app/auth/device-token.ts',
);

const LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';
const logHttp = LEAN
  ? null
  : require('pino-http')(pinoHttpOptions({ LOG_LEVEL }, 'plain'));
const redis = LEAN
  ? null
  : new (require('ioredis'))(
      process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      // as the API's RedisClient
      {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        retryStrategy: (times) => Math.min(times * 250, 3000),
      },
    );
redis?.on('error', () => undefined);
const CHANNEL = hallEventsChannel(process.env.REDIS_PREFIX ?? 'onewindow');

const ROUTE = /^\/halls\/([0-9a-f-]{36})\/tickets$/;
const KEY = /^[\x21-\x7e]{1,64}$/;
const PRIORITIES = ['normal', 'priority', 'appointment'];
const CHANNELS = ['kiosk', 'mobile', 'appointment', 'staff'];
const MAX_BODY = 16 * 1024;
const LAST_SEEN_RESOLUTION_MS = 60_000; // auth.service
const DEVICE_LIMIT = Number(process.env.DEVICE_RATE_LIMIT_PER_MINUTE ?? 600);
const CATALOG_TTL_MS = 60_000; // service-catalog.ts
const WINDOWS_TTL_MS = 2_000; // ticket-estimates.service.ts
const HANDLING_TTL_MS = 60_000;
const RECENT_HANDLING_SAMPLE = 50;

// the citizen's status token, as the API's StatusTokens makes it: an HMAC of the new ticket's id
// under a key derived from the server secret, stored as its SHA-256
const STATUS_KEY = createSecretKey(
  Buffer.from(
    hkdfSync(
      'sha256',
      process.env.JWT_SECRET || 'onewindow-development-secret-change-me',
      'onewindow',
      'ticket status token v1',
      32,
    ),
  ),
);
const statusTokenOf = (ticketId) =>
  createHmac('sha256', STATUS_KEY)
    .update(ticketId)
    .digest()
    .subarray(0, 24)
    .toString('base64url');
const sha256 = (s) => createHash('sha256').update(s, 'utf8').digest('hex');

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The Asia/Shanghai date, as the API's todayInShanghai() (UTC+8, no DST). */
function todayInShanghai() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A value kept `ttl` ms (lru-cache's ttl in the API). */
function ttlCache(ttl) {
  const m = new Map();
  return {
    get: (k) => {
      const e = m.get(k);
      if (e && e.until > Date.now()) return e.value;
      if (e) m.delete(k);
      return undefined;
    },
    set: (k, value) => m.set(k, { value, until: Date.now() + ttl }),
    clear: () => m.clear(),
  };
}

// ---------------------------------------------------------------- lookups, cached as the API's

const catalogCache = ttlCache(CATALOG_TTL_MS);
async function catalog() {
  const hit = catalogCache.get('all');
  if (hit) return hit;
  const { rows } = await pool.query(
    `SELECT i.code, i.category_code, c.ticket_prefix, i.typical_handling_minutes
     FROM service_items i JOIN categories c ON c.code = i.category_code`,
  );
  const map = new Map(rows.map((r) => [r.code, r]));
  catalogCache.set('all', map);
  return map;
}
async function catalogItem(code) {
  let item = (await catalog()).get(code);
  if (!item && !LEAN) {
    catalogCache.clear(); // perhaps added since the catalog was read
    item = (await catalog()).get(code);
  }
  if (!item) throw new HttpError(400, 'Unknown service item');
  return item;
}

const windowsCache = ttlCache(WINDOWS_TTL_MS);
async function competition(hallId, categoryCode) {
  let windows = windowsCache.get(hallId);
  if (!windows) {
    const { rows } = await pool.query(
      `SELECT mode, category_codes, state FROM windows WHERE hall_id = $1 AND state <> 'retired'`,
      [hallId],
    );
    windows = rows.map((w) => ({
      mode: w.mode,
      categoryCodes: w.category_codes,
      open: w.state === 'open',
    }));
    windowsCache.set(hallId, windows);
  }
  const open = windows.filter((w) => w.open);
  const serving = open.some((w) => windowServes(w, categoryCode))
    ? open
    : windows;
  return {
    categories: competingCategories(serving, categoryCode),
    able: serving.filter((w) => windowServes(w, categoryCode)).length,
  };
}

const handlingCache = ttlCache(HANDLING_TTL_MS);
async function handlingMinutes(row, item) {
  const key = `${row.hall_id}|${row.category_code}|${row.service_date}`;
  let mean = handlingCache.get(key);
  if (mean === undefined) {
    const {
      rows: [r],
    } = await pool.query(
      `SELECT avg(extract(epoch FROM completed_at - started_at)) / 60 AS mean FROM (
         SELECT completed_at, started_at FROM tickets
         WHERE hall_id = $1 AND category_code = $2 AND state = 'done' AND started_at IS NOT NULL
           AND service_date >= $3::date - 14 AND service_date <= $3::date
         ORDER BY completed_at DESC LIMIT ${RECENT_HANDLING_SAMPLE}) recent`,
      [row.hall_id, row.category_code, row.service_date],
    );
    mean = r?.mean === null || r?.mean === undefined ? NaN : Number(r.mean);
    handlingCache.set(key, mean);
  }
  return Number.isFinite(mean)
    ? mean
    : Number(item.typical_handling_minutes ?? 10);
}

/** The device of a bearer token (one indexed read per request, as auth.service). */
async function device(req) {
  const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!auth || !looksLikeDeviceToken(auth[1]))
    throw new HttpError(401, 'Missing device token');
  const {
    rows: [d],
  } = await pool.query(
    'SELECT id, kind, hall_id, name, window_id, last_seen_at FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashDeviceToken(auth[1])],
  );
  if (!d) throw new HttpError(401, 'Unknown or revoked device token');
  const now = Date.now();
  if (
    !d.last_seen_at ||
    now - d.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS
  )
    await pool.query(`UPDATE devices SET last_seen_at = $2 WHERE id = $1`, [
      d.id,
      new Date(now),
    ]);
  return d;
}

/**
 * The API's per-device limit, counted where the API counts it: @nestjs/throttler's key (a hash of
 * route, throttler and device) through @nest-lab/throttler-storage-redis's script, on a connection
 * of its own with the key prefix (rate-limits/shared-throttler.storage.ts).
 */
const { ThrottlerStorageRedisService } = LEAN
  ? {}
  : require('@nest-lab/throttler-storage-redis');
const limits = LEAN
  ? null
  : new ThrottlerStorageRedisService(
      redis.duplicate({
        keyPrefix: `${process.env.REDIS_PREFIX ?? 'onewindow'}:throttle:`,
      }),
    );
async function throttle(deviceId) {
  const key = sha256(`TicketsController-issue-device-device:${deviceId}`);
  const r = await limits.increment(key, 60_000, DEVICE_LIMIT, 60_000, 'device');
  if (r.isBlocked) throw new HttpError(429, 'Too many requests');
}

// ---------------------------------------------------------------- the request

function view(r, extra) {
  return {
    id: r.id,
    number: r.number,
    hallId: r.hall_id,
    serviceDate: r.service_date,
    serviceItemCode: r.service_item_code,
    categoryCode: r.category_code,
    priority: r.priority,
    state: r.state,
    issuedAt: r.issued_at.toISOString(),
    recallCount: r.recall_count,
    ...extra,
  };
}

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) reject(new HttpError(413, 'Body too large'));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(size ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch {
        reject(new HttpError(400, 'Malformed JSON'));
      }
    });
    req.on('error', reject);
  });
}

async function issue(req, hallId) {
  let principalKey = 'bench:lean';
  if (!LEAN) {
    const d = await device(req);
    await throttle(d.id);
    if (d.kind !== 'kiosk' || d.hall_id !== hallId)
      throw new HttpError(403, 'Not this hall');
    principalKey = `device:${d.id}`;
  }
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !KEY.test(key))
    throw new HttpError(400, 'Idempotency-Key header is required');

  const body = await readJson(req);
  const priority = body.priority ?? 'normal';
  const channel = body.channel ?? 'kiosk';
  if (
    typeof body.serviceItemCode !== 'string' ||
    !PRIORITIES.includes(priority) ||
    !CHANNELS.includes(channel)
  )
    throw new HttpError(400, 'Invalid body');
  const item = await catalogItem(body.serviceItemCode);
  const requestHash = sha256(JSON.stringify([item.code, priority, channel]));
  const comp = LEAN
    ? { categories: null, able: 1 }
    : await competition(hallId, item.category_code);
  const newId = randomUUID();
  const token = statusTokenOf(newId);

  // the API's durable work in the API's one statement (migration IssueTicketFunction): key check,
  // number, ticket, key row, live event and the tickets ahead
  let row;
  try {
    ({
      rows: [row],
    } = await pool.query(
      `SELECT * FROM issue_ticket($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        hallId,
        todayInShanghai(),
        principalKey,
        key,
        requestHash,
        item.code,
        item.category_code,
        item.ticket_prefix,
        priority,
        channel,
        comp.categories,
        newId,
        sha256(token),
      ],
    ));
  } catch (e) {
    if (e.code === 'OW409')
      throw new HttpError(409, 'Idempotency-Key used with another body');
    throw e;
  }
  const created = row.result === 'created';
  if (LEAN) return { status: created ? 201 : 200, ticket: view(row) };
  if (created)
    redis.publish(CHANNEL, JSON.stringify({ hallId })).catch(() => undefined);
  // a replay (ahead null) gets no estimate here; the bench sends every key once
  const extra =
    row.ahead === null
      ? {}
      : {
          position: row.ahead + 1,
          estimatedWaitMinutes: estimateWaitMinutes(
            row.ahead,
            await handlingMinutes(row, item),
            comp.able,
          ),
        };
  const statusToken = statusTokenOf(row.id);
  return {
    status: created ? 201 : 200,
    ticket: view(row, {
      ...extra,
      statusToken,
      statusUrl: `/t/${statusToken}`,
    }),
  };
}

const server = http.createServer((req, res) => {
  logHttp?.(req, res);
  const m = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
  if (!m) {
    if (req.method === 'GET' && req.url === '/health')
      return send(res, 200, { status: 'ok', mode: MODE });
    return send(res, 404, { statusCode: 404, message: 'Not found' });
  }
  issue(req, m[1]).then(
    ({ status, ticket }) => send(res, status, ticket),
    (e) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) process.stderr.write(`plain-server: ${e.stack}\n`);
      req.resume();
      send(res, status, { statusCode: status, message: e.message });
    },
  );
});
server.keepAliveTimeout = 65_000;

// the lean floor reads its catalog before it listens (it looks nothing up per request)
(LEAN ? catalog() : Promise.resolve()).then(() =>
  server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1', () => {
    process.stdout.write(`listening ${server.address().port} (${MODE})\n`);
  }),
);

function shutdown() {
  server.close();
  server.closeAllConnections?.();
  redis?.disconnect();
  pool.end().finally(() => process.exit(0));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
