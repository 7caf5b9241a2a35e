'use strict';
/**
 * bench:queue's load drivers: one autocannon run with its responses timed and counted by kind, the
 * issue requests, and the call-next + no-show cycle of one window per connection.
 */
const autocannon = require('autocannon');
const { quantile } = require('../common/figures');

/**
 * One autocannon run. Every response is recorded with its time; only those after `skipMs` count.
 * Which request a response answers (call-next or no-show) is set by the requests' onResponse
 * (see `wrap`), which autocannon calls synchronously just before its 'response' event.
 */
function runLoad({
  port,
  connections,
  durationS,
  skipMs,
  overallRate,
  requests,
  setupClient,
  staggerMs,
}) {
  return new Promise((resolve, reject) => {
    const records = []; // [t, latencyMs, status, kind]
    const failures = []; // first few non-2xx bodies
    const state = { kind: 'all' };
    const wrap = (r, kindOf) => ({
      ...r,
      onResponse(status, body, context, headers) {
        const kind = typeof kindOf === 'function' ? kindOf() : kindOf;
        state.kind = kind;
        if ((status < 200 || status > 299) && failures.length < 5)
          failures.push(`${status} ${kind}: ${String(body).slice(0, 300)}`);
        if (r.onResponse) r.onResponse(status, body, context, headers);
      },
    });
    let clientNo = 0;
    const opts = {
      url: `http://127.0.0.1:${port}`,
      connections,
      duration: durationS,
      pipelining: 1,
      timeout: 30,
      setupClient: (client) => {
        const n = clientNo++;
        if (staggerMs) {
          // spread the connections' per-second rate windows evenly over the second (autocannon
          // starts every connection's window at once, which would offer the load in bursts)
          const until = performance.now() + staggerMs;
          while (performance.now() < until);
        }
        if (setupClient) setupClient(client, n, wrap);
      },
    };
    if (overallRate) {
      opts.overallRate = overallRate;
      // raw latencies: autocannon's correction assumes ceil(1/rate) = 1 ms between requests
      opts.ignoreCoordinatedOmission = true;
    }
    if (requests) opts.requests = requests.map((r) => wrap(r, r.kind ?? 'all'));
    let started = 0;
    const inst = autocannon(opts, (err, result) => {
      if (err) return reject(err);
      const from = started + skipMs;
      let to = from + 1;
      for (const r of records) if (r[0] > to) to = r[0];
      const measured = records.filter((r) => r[0] >= from);
      const windowS = (to - from) / 1000;
      const byKind = {};
      const statuses = {};
      for (const [, lat, status, kind] of measured) {
        byKind[kind] ??= { lat: [], ok: 0, bad: 0 };
        if (status >= 200 && status <= 299) {
          byKind[kind].ok++;
          byKind[kind].lat.push(lat);
        } else byKind[kind].bad++;
      }
      for (const [, , status] of records)
        statuses[status] = (statuses[status] ?? 0) + 1;
      const kinds = {};
      for (const [k, v] of Object.entries(byKind)) {
        v.lat.sort((a, b) => a - b);
        kinds[k] = {
          ok: v.ok,
          bad: v.bad,
          rps: v.ok / windowS,
          p50: quantile(v.lat, 0.5),
          p99: quantile(v.lat, 0.99),
        };
      }
      resolve({
        connections,
        responses: records.length,
        overallRate,
        windowS,
        kinds,
        statuses,
        total2xx: records.filter((r) => r[2] >= 200 && r[2] <= 299).length,
        non2xx: records.filter((r) => r[2] < 200 || r[2] > 299).length,
        errors: result.errors,
        timeouts: result.timeouts,
        failures,
      });
    });
    inst.on('start', () => (started = performance.now()));
    inst.on('response', (_client, status, _bytes, latency) => {
      records.push([performance.now(), latency, status, state.kind]);
    });
  });
}

/** POST …/tickets spread round-robin over `halls` with fresh Idempotency-Keys and rotating items. */
function issueRequests(halls, items, pathPrefix, runTag) {
  let n = 0;
  const bodies = items.map((it) =>
    JSON.stringify({ serviceItemCode: it.code }),
  );
  return [
    {
      method: 'POST',
      kind: 'issue',
      setupRequest(req) {
        const i = n++;
        const hall = halls[i % halls.length];
        req.path = `${pathPrefix}/halls/${hall.id}/tickets`;
        req.headers = {
          'content-type': 'application/json',
          authorization: `Bearer ${hall.token}`,
          'idempotency-key': `${runTag}-${i}`,
        };
        req.body = bodies[Math.floor(i / halls.length) % bodies.length];
        return req;
      },
    },
  ];
}

/**
 * The setupClient of the call-next run on `hall` (as `headers` authorise): each connection is one
 * window: call-next, then no-show of the ticket it got (so the window is free again); a no-show that
 * failed is retried first, or the window would answer every later call-next with 409.
 */
function callNextClient(hall, headers) {
  return (client, n, wrap) => {
    const windowId = hall.windows[n % hall.windows.length];
    let held = null; // a called ticket whose no-show failed
    let first = 'call-next';
    client.setRequests([
      wrap(
        {
          method: 'POST',
          headers,
          setupRequest(req) {
            first = held ? 'no-show' : 'call-next';
            req.path = held
              ? `/api/v1/tickets/${held}/no-show`
              : `/api/v1/halls/${hall.id}/windows/${windowId}/call-next`;
            return req;
          },
          onResponse(status, body, context) {
            if (first === 'no-show') {
              if ((status >= 200 && status < 300) || status === 409)
                held = null;
              context.ticketId = null;
            } else
              context.ticketId = status === 200 ? JSON.parse(body).id : null;
          },
        },
        () => first,
      ),
      wrap(
        {
          method: 'POST',
          headers,
          setupRequest(req, context) {
            if (!context.ticketId) return null; // nothing called (204, failure, retry): next cycle
            req.path = `/api/v1/tickets/${context.ticketId}/no-show`;
            return req;
          },
          onResponse(status, _body, context) {
            if (!(status >= 200 && status < 300) && status !== 409)
              held = context.ticketId;
          },
        },
        'no-show',
      ),
    ]);
  };
}

module.exports = { runLoad, issueRequests, callNextClient };
