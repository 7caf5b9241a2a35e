'use strict';
/**
 * Abuse checks against the running stack: login brute force, oversized bodies, forged and expired
 * tokens, a revoked device, another hall's ids, SQL-injection and script payloads in every text
 * field the API takes, security headers and CORS. Each check has a positive control where one is
 * needed, so that it can fail; each returns { name, statuses, ok, detail } (and expectedFail for a
 * protection that is known to be missing).
 */
const { createHmac, randomBytes } = require('node:crypto');
const http = require('node:http');
const { sql } = require('../bench/common/db');
const { todayInShanghai, DEMO_PASSWORD } = require('./world');

const b64 = (o) =>
  Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString(
    'base64url',
  );
const sign = (header, payload, secret) => {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac(
    header.alg === 'HS512' ? 'sha512' : 'sha256',
    secret,
  )
    .update(head)
    .digest('base64url')}`;
};

const PAYLOADS = [
  "'); DROP TABLE tickets; --",
  "x' OR '1'='1",
  '1; SELECT pg_sleep(5)--',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  '{{7*7}} ${7*7} %s%n',
  'nul\u0000byte',
];
/** Window labels take 20 characters at most. */
const SHORT_PAYLOADS = [
  "'OR 1=1--",
  '<b onclick=x>W</b>',
  '";DROP TABLE x;--',
  'w\u0000',
];

/**
 * POSTs a large body with node:http: the headers first (Content-Length says the size), the body only
 * if no answer came within a second. A server that checks the declared size answers 413 before
 * reading, and closes the connection; fetch, writing the whole body at once, sees only EPIPE then.
 */
function postLarge(base, path, headers, body) {
  return new Promise((resolve) => {
    const u = new URL(base);
    let answered = false;
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path,
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        answered = true;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode }));
        res.on('error', () => resolve({ status: res.statusCode }));
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => {
      if (!answered) resolve({ status: null, error: e.code ?? e.message });
    });
    req.flushHeaders();
    setTimeout(() => {
      if (!answered) req.end(body);
    }, 1000);
  });
}

async function runAbuse({ stack, url, world, secret }) {
  const results = [];
  const [A, B] = stack.apis.map((a) => a.base);
  const today = todayInShanghai();
  const check = (name) => {
    const c = { name, statuses: {}, requests: 0, ok: true, detail: [] };
    results.push(c);
    return c;
  };
  /** One request, counted in `c`; returns { status, headers, json, text }. */
  async function send(
    c,
    base,
    method,
    path,
    { token, headers = {}, json, raw, type } = {},
  ) {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let body;
    if (json !== undefined) {
      h['content-type'] = 'application/json';
      body = typeof json === 'string' ? json : JSON.stringify(json);
    } else if (raw !== undefined) {
      h['content-type'] = type;
      body = raw;
    }
    let res;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: h,
        body,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (e) {
      c.requests++;
      c.statuses.ERR = (c.statuses.ERR ?? 0) + 1;
      c.ok = false;
      c.detail.push(`${method} ${path}: ${e.cause?.code ?? e.message}`);
      return { status: null, headers: new Headers(), json: null, text: '' };
    }
    const text = await res.text();
    c.requests++;
    c.statuses[res.status] = (c.statuses[res.status] ?? 0) + 1;
    if (res.status >= 500) {
      c.ok = false;
      c.detail.push(
        `${method} ${path.slice(0, 80)}: ${res.status} ${text.slice(0, 160)}`,
      );
    }
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, headers: res.headers, json: parsed, text };
  }
  const expect = (c, cond, what) => {
    if (!cond) {
      c.ok = false;
      c.detail.push(what);
    }
  };
  const login = async (c, base, username, password, ip) =>
    send(c, base, 'POST', '/api/v1/auth/login', {
      headers: { 'x-forwarded-for': ip },
      json: { username, password },
    });

  // ------------------------------------------------------------ login brute force, per address
  {
    const c = check('login brute force from one address → 429');
    const ip = '203.0.113.7';
    let first429 = null;
    for (let i = 1; i <= 25 && first429 === null; i++) {
      // a different (unknown) account each time: only the per-address limit can stop these
      const r = await login(c, A, `nobody-${i}`, `wrong-${i}`, ip);
      if (r.status === 429) {
        first429 = i;
        expect(c, !!r.headers.get('retry-after'), '429 without Retry-After');
      } else expect(c, r.status === 401, `attempt ${i}: ${r.status}`);
    }
    expect(
      c,
      first429 !== null && first429 <= 21,
      `no 429 within 21 attempts (first at ${first429})`,
    );
    const right = await login(c, A, 'admin', DEMO_PASSWORD, ip);
    expect(
      c,
      right.status === 429,
      `the right password from the blocked address: ${right.status}`,
    );
    const other = await login(c, A, 'admin', DEMO_PASSWORD, '203.0.113.8');
    expect(
      c,
      other.status === 200,
      `control: another address logs in: ${other.status}`,
    );
    c.detail.unshift(`first 429 at attempt ${first429}`);
  }
  // ------------------------------------------------------------ the same, spread over both instances
  {
    const c = check(
      'login brute force from one address over both instances → 429 within the limit',
    );
    const ip = '203.0.113.9';
    let first429 = null;
    for (let i = 1; i <= 45 && first429 === null; i++) {
      const r = await login(c, i % 2 ? A : B, `nobody-b${i}`, `wrong-${i}`, ip);
      if (r.status === 429) first429 = i;
    }
    expect(
      c,
      first429 !== null && first429 <= 21,
      `the per-address limit (20/min) is per instance: first 429 at attempt ${first429}`,
    );
  }
  // ------------------------------------------------------------ per account
  {
    const c = check(
      'login brute force on one account from many addresses → 429',
    );
    let first429 = null;
    for (let i = 1; i <= 30 && first429 === null; i++) {
      const r = await login(c, A, 'hz-reform', `wrong-${i}`, `198.51.100.${i}`);
      if (r.status === 429) first429 = i;
    }
    expect(
      c,
      first429 !== null && first429 <= 21,
      `no 429 on the account within 21 attempts from 21 addresses (first at ${first429})`,
    );
  }

  // ------------------------------------------------------------ bodies over the limits
  {
    const c = check('bodies over the limits → 413');
    const big = JSON.stringify({
      username: 'admin',
      password: 'x'.repeat(150 * 1024),
    });
    let r = await send(c, A, 'POST', '/api/v1/auth/login', {
      headers: { 'x-forwarded-for': '203.0.113.20' },
      json: big,
    });
    expect(c, r.status === 413, `login 150 KiB: ${r.status}`);
    r = await send(c, A, 'POST', `/api/v1/halls/${world.hall}/tickets`, {
      token: world.kiosks[0],
      headers: { 'idempotency-key': 'big-1' },
      json: JSON.stringify({
        serviceItemCode: world.items[0],
        pad: 'x'.repeat(150 * 1024),
      }),
    });
    expect(c, r.status === 413, `ticket 150 KiB: ${r.status}`);
    const large = async (base, path, token, type, body) => {
      const a = await postLarge(
        base,
        path,
        { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      );
      c.requests++;
      const k = a.status ?? 'ERR';
      c.statuses[k] = (c.statuses[k] ?? 0) + 1;
      return a;
    };
    r = await large(
      B,
      `/api/v1/halls/${world.importHall}/imports/tickets`,
      world.admin,
      'text/csv',
      'number,service_item_code,issued_at\n' +
        'A0001,SS-0001,2024-01-02 08:00:00\n'.repeat(
          Math.ceil((21 * 1024 * 1024) / 34),
        ),
    );
    expect(c, r.status === 413, `CSV 21 MiB: ${r.status ?? r.error}`);
    r = await large(
      A,
      '/api/v1/planning/replay',
      world.admin,
      'application/json',
      JSON.stringify({ customers: [], pad: 'x'.repeat(17 * 1024 * 1024) }),
    );
    expect(c, r.status === 413, `replay 17 MiB: ${r.status ?? r.error}`);
    r = await send(c, A, 'POST', `/api/v1/halls/${world.hall}/windows`, {
      token: world.manager,
      json: { label: 'x'.repeat(5000), mode: 'comprehensive' },
    });
    expect(c, r.status === 400, `a 5,000-character label: ${r.status}`);
  }

  // ------------------------------------------------------------ forged and expired tokens
  {
    const c = check('forged, expired and alg:none JWTs → 401');
    const real = world.admin;
    const [, payloadPart] = real.split('.');
    const payload = JSON.parse(
      Buffer.from(payloadPart, 'base64url').toString(),
    );
    const now = Math.floor(Date.now() / 1000);
    const ok = await send(c, A, 'GET', '/api/v1/users', { token: real });
    expect(c, ok.status === 200, `control: the real token: ${ok.status}`);
    const control = await send(c, A, 'GET', '/api/v1/users', {
      token: sign(
        { alg: 'HS256', typ: 'JWT' },
        { ...payload, iat: now, exp: now + 600 },
        secret,
      ),
    });
    expect(
      c,
      control.status === 200,
      `control: a token signed here with the server's key: ${control.status}`,
    );
    const forged = {
      'wrong signature': sign(
        { alg: 'HS256', typ: 'JWT' },
        payload,
        randomBytes(24).toString('hex'),
      ),
      expired: sign(
        { alg: 'HS256', typ: 'JWT' },
        { ...payload, iat: now - 7200, exp: now - 3600 },
        secret,
      ),
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`,
      'alg none, no dot': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}`,
      'HS512 with the key': sign({ alg: 'HS512', typ: 'JWT' }, payload, secret),
      'payload changed': `${real.split('.')[0]}.${b64({ ...payload, role: 'admin', sub: payload.sub, hallId: world.planHall.id })}.${real.split('.')[2]}`,
      garbage: 'not.a.jwt',
    };
    for (const [what, token] of Object.entries(forged))
      for (const base of [A, B]) {
        const r = await send(c, base, 'GET', '/api/v1/users', { token });
        expect(c, r.status === 401, `${what}: ${r.status}`);
      }
  }

  // ------------------------------------------------------------ a revoked device
  {
    const c = check("a revoked device's token → 401");
    const made = await send(
      c,
      A,
      'POST',
      `/api/v1/halls/${world.hall}/devices`,
      { token: world.manager, json: { kind: 'kiosk', name: 'to revoke' } },
    );
    const disp = await send(
      c,
      A,
      'POST',
      `/api/v1/halls/${world.hall}/devices`,
      { token: world.manager, json: { kind: 'display', name: 'to revoke' } },
    );
    const issue = (base, key) =>
      send(c, base, 'POST', `/api/v1/halls/${world.hall}/tickets`, {
        token: made.json.token,
        headers: { 'idempotency-key': key },
        json: { serviceItemCode: world.items[0] },
      });
    const before = await issue(B, 'revoke-1');
    expect(
      c,
      before.status === 201,
      `control: before revocation: ${before.status}`,
    );
    if (before.status === 201) {
      // it was issued: cancel it as staff so that the hall's day still ends
      await send(c, A, 'POST', `/api/v1/tickets/${before.json.id}/cancel`, {
        token: world.manager,
        json: {},
      });
    }
    for (const d of [made.json, disp.json]) {
      const r = await send(
        c,
        A,
        'DELETE',
        `/api/v1/halls/${world.hall}/devices/${d.id}`,
        { token: world.manager },
      );
      expect(c, r.status === 200 || r.status === 204, `revoke: ${r.status}`);
    }
    for (const base of [A, B]) {
      const r = await issue(base, `revoke-${base}`);
      expect(c, r.status === 401, `kiosk after revocation: ${r.status}`);
      const s = await send(
        c,
        base,
        'GET',
        `/api/v1/halls/${world.hall}/queue`,
        { token: disp.json.token },
      );
      expect(c, s.status === 401, `display after revocation: ${s.status}`);
    }
  }

  // ------------------------------------------------------------ another hall's ids
  {
    const c = check("another hall's ids → 403/404");
    const other = world.planHall.id;
    const [ow] = await sql(
      url,
      `SELECT id FROM windows WHERE hall_id = $1 ORDER BY label LIMIT 1`,
      [other],
    );
    const [ot] = await sql(
      url,
      `SELECT id FROM tickets WHERE hall_id = $1 ORDER BY issued_at DESC LIMIT 1`,
      [other],
    );
    const [ou] = await sql(
      url,
      `SELECT id FROM users WHERE hall_id = $1 LIMIT 1`,
      [other],
    );
    const [op] = await sql(
      url,
      `SELECT id FROM plans WHERE hall_id = $1 LIMIT 1`,
      [other],
    );
    const [oi] = await sql(
      url,
      `SELECT id FROM imports WHERE hall_id = $1 LIMIT 1`,
      [world.importHall],
    );
    const clerk = world.clerks[0];
    const own = await send(
      c,
      A,
      'POST',
      `/api/v1/halls/${world.hall}/windows/${clerk.windowId}/call-next`,
      { token: clerk.token },
    );
    expect(
      c,
      own.status === 204 || own.status === 200,
      `control: own window: ${own.status}`,
    );
    if (own.status === 200)
      await send(c, A, 'POST', `/api/v1/tickets/${own.json.id}/no-show`, {
        token: clerk.token,
      });
    const denied = [
      [
        'clerk: other hall window call-next',
        'POST',
        `/api/v1/halls/${other}/windows/${ow.id}/call-next`,
        clerk.token,
      ],
      [
        'clerk: own hall path, other window',
        'POST',
        `/api/v1/halls/${world.hall}/windows/${ow.id}/call-next`,
        clerk.token,
      ],
      [
        'clerk: open other window',
        'POST',
        `/api/v1/halls/${other}/windows/${ow.id}/open`,
        clerk.token,
      ],
      [
        'clerk: read other ticket',
        'GET',
        `/api/v1/tickets/${ot.id}`,
        clerk.token,
      ],
      [
        'clerk: start other ticket',
        'POST',
        `/api/v1/tickets/${ot.id}/start`,
        clerk.token,
      ],
      [
        'clerk: no-show other ticket',
        'POST',
        `/api/v1/tickets/${ot.id}/no-show`,
        clerk.token,
      ],
      [
        'clerk: cancel other ticket',
        'POST',
        `/api/v1/tickets/${ot.id}/cancel`,
        clerk.token,
      ],
      [
        'clerk: issue in other hall',
        'POST',
        `/api/v1/halls/${other}/tickets`,
        clerk.token,
      ],
      [
        'manager: other hall devices',
        'GET',
        `/api/v1/halls/${other}/devices`,
        world.manager,
      ],
      [
        'manager: other hall daily figures',
        'GET',
        `/api/v1/analytics/halls/${other}/daily?from=2020-01-01&to=2020-01-31`,
        world.manager,
      ],
      [
        'manager: other hall windows admin',
        'POST',
        `/api/v1/halls/${other}/windows`,
        world.manager,
      ],
      [
        'manager: other hall queue rules',
        'PUT',
        `/api/v1/halls/${other}/queue-rules`,
        world.manager,
      ],
      [
        'manager: other hall imports',
        'GET',
        `/api/v1/halls/${other}/imports`,
        world.manager,
      ],
      [
        'manager: other hall plans',
        'GET',
        `/api/v1/halls/${other}/plans`,
        world.manager,
      ],
      [
        'manager: other hall staff',
        'GET',
        `/api/v1/halls/${other}/staff`,
        world.manager,
      ],
      ['manager: other user', 'PATCH', `/api/v1/users/${ou.id}`, world.manager],
      ...(op
        ? [
            [
              'manager: other plan',
              'GET',
              `/api/v1/plans/${op.id}`,
              world.manager,
            ],
          ]
        : []),
      ...(oi
        ? [
            [
              'manager: other hall import',
              'GET',
              `/api/v1/imports/${oi.id}`,
              world.manager,
            ],
          ]
        : []),
      [
        'kiosk: issue in other hall',
        'POST',
        `/api/v1/halls/${other}/tickets`,
        world.kiosks[1],
      ],
      [
        'kiosk: other hall queue',
        'GET',
        `/api/v1/halls/${other}/queue`,
        world.kiosks[1],
      ],
      [
        'display: other hall events',
        'GET',
        `/api/v1/halls/${other}/queue`,
        world.boards[0],
      ],
    ];
    // each with a body its route accepts, so that only the hall can be what is refused
    const bodyOf = (path) =>
      /\/tickets$/.test(path)
        ? { serviceItemCode: world.items[0] }
        : /\/windows$/.test(path)
          ? { label: 'X1', mode: 'comprehensive' }
          : /queue-rules$/.test(path)
            ? { priorityStreakCap: 3, normalMaxWaitMinutes: 60 }
            : /\/users\//.test(path)
              ? { active: false }
              : {};
    for (const [what, method, path, token] of denied) {
      const r = await send(c, B, method, path, {
        token,
        headers:
          method === 'POST' && /tickets$/.test(path)
            ? { 'idempotency-key': `x-${randomBytes(4).toString('hex')}` }
            : {},
        json: method === 'GET' ? undefined : bodyOf(path),
      });
      expect(c, r.status === 403 || r.status === 404, `${what}: ${r.status}`);
    }
    const [{ state }] = await sql(
      url,
      `SELECT state FROM tickets WHERE id = $1`,
      [ot.id],
    );
    c.detail.push(`the other hall's ticket is still ${state}`);
  }

  // ------------------------------------------------------------ injection and script payloads
  {
    const c = check(
      'SQL-injection and script payloads in text fields → 4xx or stored inert',
    );
    const [tables0] = await sql(
      url,
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM users) AS users FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition`,
    );
    const stored = [];
    const verdict = (field, p, r, readBack) => {
      if (r.status >= 400 && r.status < 500)
        return stored.push([field, 'refused']);
      if (r.status >= 200 && r.status < 300) {
        expect(
          c,
          readBack === p,
          `${field}: stored ${JSON.stringify(readBack)} for ${JSON.stringify(p)}`,
        );
        expect(
          c,
          /application\/json/.test(r.headers.get('content-type') ?? ''),
          `${field}: answered as ${r.headers.get('content-type')}`,
        );
        return stored.push([field, 'literal']);
      }
      expect(c, false, `${field}: ${r.status}`);
    };
    const [{ id: staffId }] = await sql(
      url,
      `SELECT id FROM staff WHERE hall_id = $1 LIMIT 1`,
      [world.planHall.id],
    ).then((rows) => (rows.length ? rows : [{ id: null }]));
    const sensor = await send(
      c,
      A,
      'POST',
      `/api/v1/halls/${world.hall}/devices`,
      { token: world.manager, json: { kind: 'sensor', name: 'door' } },
    );
    const [{ id: tid }] = await sql(
      url,
      `SELECT id FROM tickets WHERE hall_id = $1 LIMIT 1`,
      [world.hall],
    );
    let n = 0;
    for (const p of PAYLOADS) {
      n++;
      let r = await send(c, A, 'POST', `/api/v1/halls/${world.hall}/devices`, {
        token: world.manager,
        json: { kind: 'display', name: p },
      });
      const listed = (j) => (Array.isArray(j) ? j : (j?.items ?? []));
      let back =
        r.status === 201
          ? listed(
              (
                await send(c, B, 'GET', `/api/v1/halls/${world.hall}/devices`, {
                  token: world.manager,
                })
              ).json,
            ).find((d) => d.id === r.json.id)?.name
          : null;
      verdict('device name', p, r, back);
      if (r.status === 201)
        await send(
          c,
          A,
          'DELETE',
          `/api/v1/halls/${world.hall}/devices/${r.json.id}`,
          { token: world.manager },
        );

      r = await send(c, A, 'POST', '/api/v1/halls', {
        token: world.admin,
        json: { name: p, regionCode: '330111', kind: 'township_center' },
      });
      back =
        r.status === 201
          ? (
              await send(c, B, 'GET', `/api/v1/halls/${r.json.id}`, {
                token: world.admin,
              })
            ).json?.name
          : null;
      verdict('hall name', p, r, back);

      r = await send(c, A, 'POST', '/api/v1/users', {
        token: world.admin,
        json: {
          username: p,
          password: 'a-long-passphrase-1',
          role: 'clerk',
          hallId: world.hall,
        },
      });
      verdict('username', p, r, r.json?.username);

      r = await send(c, A, 'POST', `/api/v1/halls/${world.hall}/staff`, {
        token: world.manager,
        json: { name: p, role: 'comprehensive_clerk' },
      });
      const sid = r.json?.id;
      back =
        r.status === 201
          ? listed(
              (
                await send(c, B, 'GET', `/api/v1/halls/${world.hall}/staff`, {
                  token: world.manager,
                })
              ).json,
            ).find((s) => s.id === sid)?.name
          : null;
      verdict('staff name', p, r, back);
      if (sid) {
        r = await send(
          c,
          A,
          'POST',
          `/api/v1/halls/${world.hall}/reassignments`,
          {
            token: world.manager,
            json: {
              staffId: sid,
              toRole: 'self_service_guide',
              toPlace: p,
              reason: p,
              effectiveDate: today,
            },
          },
        );
        back =
          r.status === 201
            ? listed(
                (
                  await send(
                    c,
                    B,
                    'GET',
                    `/api/v1/halls/${world.hall}/reassignments`,
                    { token: world.manager },
                  )
                ).json,
              ).find((x) => x.id === r.json.id)?.reason
            : null;
        verdict('reassignment reason and place', p, r, back);
      }

      r = await send(c, A, 'POST', `/api/v1/halls/${world.hall}/targets`, {
        token: world.admin,
        json: {
          metric: 'windows',
          comparison: 'le',
          value: 40,
          dueDate: '2030-12-31',
          note: p,
        },
      });
      back =
        r.status === 201
          ? listed(
              (
                await send(c, B, 'GET', `/api/v1/halls/${world.hall}/targets`, {
                  token: world.admin,
                })
              ).json,
            ).find((x) => x.id === r.json.id)?.note
          : null;
      verdict('target note', p, r, back);

      r = await send(
        c,
        A,
        'POST',
        `/api/v1/halls/${world.importHall}/imports/tickets?fileName=${encodeURIComponent(p)}`,
        {
          token: world.admin,
          raw: `number,service_item_code,issued_at\nZ${String(n).padStart(4, '0')},${world.items[0]},2023-06-0${n} 09:00:00\n`,
          type: 'text/csv',
        },
      );
      back =
        r.status === 202
          ? (
              await send(c, B, 'GET', `/api/v1/imports/${r.json.id}`, {
                token: world.admin,
              })
            ).json?.fileName
          : null;
      verdict('import file name', p, r, back);

      for (const field of ['label', 'note']) {
        const label =
          field === 'label'
            ? SHORT_PAYLOADS[(n - 1) % SHORT_PAYLOADS.length]
            : 'Z' + n;
        const pl = field === 'label' ? label : p;
        r = await send(c, A, 'POST', `/api/v1/halls/${world.hall}/windows`, {
          token: world.manager,
          json: {
            label,
            mode: 'comprehensive',
            note: field === 'note' ? p : undefined,
          },
        });
        back =
          r.status === 201
            ? listed(
                (
                  await send(
                    c,
                    B,
                    'GET',
                    `/api/v1/halls/${world.hall}/windows`,
                    { token: world.manager },
                  )
                ).json,
              ).find((w) => w.id === r.json.id)?.label
            : null;
        if (field === 'label') verdict('window label', pl, r, back);
        else if (r.status >= 500 || r.status === null)
          verdict('window note', pl, r, null);
        else
          stored.push(['window note', r.status < 300 ? 'accepted' : 'refused']);
      }

      r = await send(
        c,
        A,
        'GET',
        `/api/v1/halls/${world.hall}/service-items?q=${encodeURIComponent(p)}`,
        { token: world.manager },
      );
      expect(
        c,
        r.status === 200 || r.status === 400,
        `item search: ${r.status}`,
      );

      r = await login(c, A, p, p, `192.0.2.${n}`);
      expect(
        c,
        r.status === 400 || r.status === 401,
        `login with the payload: ${r.status}`,
      );

      r = await send(c, A, 'POST', `/api/v1/halls/${world.hall}/tickets`, {
        token: world.kiosks[2],
        headers: { 'idempotency-key': p.replace(/[^\x20-\x7e]/g, '') },
        json: { serviceItemCode: world.items[0] },
      });
      expect(
        c,
        r.status === 201 || r.status === 400,
        `Idempotency-Key: ${r.status}`,
      );
      if (r.status === 201)
        await send(c, A, 'POST', `/api/v1/tickets/${r.json.id}/cancel`, {
          token: world.manager,
          json: {},
        });

      r = await send(c, A, 'POST', `/api/v1/halls/${world.hall}/tickets`, {
        token: world.kiosks[2],
        headers: { 'idempotency-key': `inj-${n}` },
        json: { serviceItemCode: p },
      });
      expect(
        c,
        r.status === 400 || r.status === 404 || r.status === 422,
        `service item code: ${r.status}`,
      );

      if (sensor.status === 201) {
        const start = new Date(Date.UTC(2023, 5, 1, n)).toISOString();
        r = await send(c, A, 'POST', `/api/v1/halls/${world.hall}/footfall`, {
          token: sensor.json.token,
          json: {
            sensorId: p,
            periodStart: start,
            periodEnd: new Date(Date.parse(start) + 900_000).toISOString(),
            entries: 1,
          },
        });
        expect(
          c,
          r.status === 202 || r.status === 400,
          `footfall sensorId: ${r.status}`,
        );
      }
      r = await send(c, A, 'GET', `/api/v1/tickets/${encodeURIComponent(p)}`, {
        token: world.manager,
      });
      expect(
        c,
        r.status === 400 || r.status === 404,
        `a ticket id: ${r.status}`,
      );
      r = await send(
        c,
        A,
        'GET',
        `/api/v1/public/tickets/${encodeURIComponent(p)}`,
      );
      expect(
        c,
        r.status === 404 || r.status === 400,
        `a status token: ${r.status}`,
      );
    }
    void tid;
    void staffId;
    const [tables1] = await sql(
      url,
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM users) AS users FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition`,
    );
    expect(
      c,
      tables1.n === tables0.n,
      `tables before ${tables0.n}, after ${tables1.n}`,
    );
    expect(
      c,
      tables1.users ===
        tables0.users +
          stored.filter(([f, v]) => f === 'username' && v === 'literal').length,
      `users before ${tables0.users}, after ${tables1.users}`,
    );
    const summary = {};
    for (const [f, v] of stored)
      summary[`${f}: ${v}`] = (summary[`${f}: ${v}`] ?? 0) + 1;
    c.detail.unshift(JSON.stringify(summary));
  }

  // ------------------------------------------------------------ headers and CORS
  {
    const c = check('security headers; CORS only for the own origin');
    const paths = ['/api/v1/health', '/api/docs', '/api/v1/halls/not-a-uuid'];
    if (stack.env.DASHBOARD_DIR) paths.push('/', '/kiosk');
    for (const p of paths) {
      const r = await send(c, A, 'GET', p, {
        headers: { origin: 'https://evil.example' },
      });
      const h = r.headers;
      expect(
        c,
        h.get('x-content-type-options') === 'nosniff',
        `${p}: x-content-type-options ${h.get('x-content-type-options')}`,
      );
      expect(
        c,
        !!h.get('x-frame-options') ||
          /frame-ancestors/.test(h.get('content-security-policy') ?? ''),
        `${p}: no framing protection`,
      );
      expect(c, !!h.get('referrer-policy'), `${p}: no referrer-policy`);
      expect(
        c,
        !!h.get('content-security-policy'),
        `${p}: no content-security-policy`,
      );
      expect(
        c,
        !h.get('access-control-allow-origin'),
        `${p}: access-control-allow-origin ${h.get('access-control-allow-origin')} for another origin`,
      );
      expect(
        c,
        !h.get('x-powered-by'),
        `${p}: x-powered-by ${h.get('x-powered-by')}`,
      );
    }
    const pre = await send(c, A, 'OPTIONS', '/api/v1/auth/login', {
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(
      c,
      !pre.headers.get('access-control-allow-origin'),
      `preflight from another origin allowed`,
    );
  }
  return results;
}

module.exports = { runAbuse };
