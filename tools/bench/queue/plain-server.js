'use strict';
/**
 * The baseline for `npm run bench:queue`: POST /halls/:hallId/tickets on bare node:http + a pg Pool,
 * doing the same durable work as the API's TicketsService.issue in one transaction with the same
 * SQL: one call of issue_ticket() (advisory lock of the Idempotency-Key, idempotency lookup, per
 * hall/day/prefix counter upsert, ticket insert, idempotency insert, per-hall event counter + event
 * insert), after a device check (sha256 of the bearer token looked up in devices) and a service item
 * lookup on every request.
 *
 * What it leaves out on purpose, so the difference to the API is the framework and the API's extra
 * work: no Nest/Fastify, no validation beyond the minimum, no rate limiting, no request logging,
 * no Redis publish, no position/estimatedWaitMinutes reads after the commit.
 *
 *   DATABASE_URL=postgres://… PORT=4100 node tools/bench/queue/plain-server.js
 * Prints "listening <port>" on stdout once it accepts connections.
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

const POOL_SIZE = 20; // as the API's TypeORM pool (app.module.ts: extra.max = 20)
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: POOL_SIZE,
  application_name: 'onewindow-bench-plain',
});
pool.on('error', () => {
  /* an idle client died: the pool replaces it */
});

const ROUTE = /^\/halls\/([0-9a-f-]{36})\/tickets$/;
const KEY = /^[\x21-\x7e]{1,64}$/;
const PRIORITIES = ['normal', 'priority', 'appointment'];
const CHANNELS = ['kiosk', 'mobile', 'appointment', 'staff'];
const MAX_BODY = 16 * 1024;
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
const statusHashOf = (ticketId) =>
  createHash('sha256')
    .update(
      createHmac('sha256', STATUS_KEY)
        .update(ticketId)
        .digest()
        .subarray(0, 24)
        .toString('base64url'),
      'utf8',
    )
    .digest('hex');

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

function view(r) {
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
  const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!auth) throw new HttpError(401, 'Missing bearer token');
  const tokenHash = createHash('sha256').update(auth[1], 'utf8').digest('hex');
  const {
    rows: [device],
  } = await pool.query(
    `SELECT id, hall_id, kind FROM devices WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  if (!device) throw new HttpError(401, 'Unknown or revoked device token');
  if (device.kind !== 'kiosk' || device.hall_id !== hallId)
    throw new HttpError(403, 'Not this hall');
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
  const {
    rows: [item],
  } = await pool.query(
    `SELECT i.code, i.category_code, c.ticket_prefix, i.typical_handling_minutes
     FROM service_items i JOIN categories c ON c.code = i.category_code WHERE i.code = $1`,
    [body.serviceItemCode],
  );
  if (!item) throw new HttpError(400, 'Unknown service item');
  const requestHash = createHash('sha256')
    .update(JSON.stringify([item.code, priority, channel]))
    .digest('hex');
  const principalKey = `device:${device.id}`;
  const newId = randomUUID();

  // the API's durable work in the API's one statement (migration IssueTicketFunction): key check,
  // number, ticket, key row and live event
  let row;
  try {
    ({
      rows: [row],
    } = await pool.query(
      `SELECT * FROM issue_ticket($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, $12)`,
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
        newId,
        statusHashOf(newId),
      ],
    ));
  } catch (e) {
    if (e.code === 'OW409')
      throw new HttpError(409, 'Idempotency-Key used with another body');
    throw e;
  }
  return { status: row.result === 'created' ? 201 : 200, ticket: view(row) };
}

const server = http.createServer((req, res) => {
  const m = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
  if (!m) {
    if (req.method === 'GET' && req.url === '/health')
      return send(res, 200, { status: 'ok' });
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

server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});

function shutdown() {
  server.close();
  server.closeAllConnections?.();
  pool.end().finally(() => process.exit(0));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
