'use strict';
/**
 * The suite's HTTP clients: every attempt recorded (time, operation, instance, status or
 * connection error), retried as the floor's devices do (the same request, so the same
 * Idempotency-Key, after Retry-After on 503, on the other instance when one does not answer), and
 * judged: a 5xx other than 503, a 503 without Retry-After, or a connection error from an instance
 * that was not being killed is a violation.
 */
const { sleep } = require('../bench/common/processes');

const ATTEMPT_TIMEOUT_MS = 20_000;
/** Kiosks wait Retry-After; the suite caps it so that a long outage is probed often enough. */
const MAX_RETRY_WAIT_MS = 2000;

function createRecorder() {
  const t0 = Date.now();
  const attempts = []; // [ms since t0, op, instance, status|'ERR'|'TIMEOUT']
  const violations = [];
  const violationTimes = [];
  return {
    t0,
    attempts,
    violations,
    violationTimes,
    now: () => Date.now() - t0,
    record(op, instance, status) {
      attempts.push([Date.now() - t0, op, instance, status]);
    },
    violation(text) {
      violationTimes.push(Date.now() - t0);
      if (violations.length < 200)
        violations.push(`${((Date.now() - t0) / 1000).toFixed(1)}s ${text}`);
      else violations.length++;
    },
  };
}

/**
 * The HTTP side of the run over `apis` (the stack's two API processes). `down` marks an instance
 * being killed and started again: its connection errors are then expected. `outage` says whether a
 * fault is under way (a 503 is expected only then).
 */
function createHttp(apis, rec) {
  const down = new Set();
  let outages = 0;
  let rr = 0;
  const pick = (prefer) => {
    const order =
      prefer === undefined ? [rr++ % apis.length] : [prefer % apis.length];
    for (let i = 0; i < apis.length; i++) if (i !== order[0]) order.push(i);
    return order;
  };

  /** One attempt; returns { status, headers, body } or { error }. */
  async function attempt(i, method, path, headers, body, op) {
    const url = `${apis[i].base}${path}`;
    try {
      const res = await fetch(url, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const text = await res.text();
      rec.record(op, i, res.status);
      return { status: res.status, headers: res.headers, text };
    } catch (e) {
      const code =
        e?.name === 'TimeoutError'
          ? 'TIMEOUT'
          : (e?.cause?.code ?? e?.code ?? e?.name ?? 'ERR');
      rec.record(op, i, code === 'TIMEOUT' ? 'TIMEOUT' : 'ERR');
      if (!down.has(i))
        rec.violation(
          `${op}: ${code} from ${apis[i].name}, which was not being killed (${method} ${path})`,
        );
      return { error: code };
    }
  }

  /**
   * Sends a request until an answer that is not 503 (nor a connection error), at most `deadlineMs`.
   * Returns the last answer ({ status, headers, json, retries }) or { status: null } at the deadline.
   */
  async function request(
    op,
    {
      method = 'GET',
      path,
      token,
      headers = {},
      json,
      raw,
      contentType,
      prefer,
      deadlineMs = 180_000,
    },
  ) {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let body;
    if (json !== undefined) {
      h['content-type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (raw !== undefined) {
      h['content-type'] = contentType;
      body = raw;
    }
    const until = Date.now() + deadlineMs;
    let retries = 0;
    for (;;) {
      let last = null;
      const order = pick(prefer);
      for (const i of order) {
        // a load balancer sends nothing to an instance it saw die while another answers
        if (down.has(i) && order.some((j) => !down.has(j))) continue;
        const r = await attempt(i, method, path, h, body, op);
        if (r.error) {
          last = r;
          continue; // the other instance
        }
        last = r;
        break;
      }
      if (last && !last.error) {
        const s = last.status;
        if (s === 503) {
          const ra = last.headers.get('retry-after');
          if (!ra) rec.violation(`${op}: 503 without Retry-After (${path})`);
          if (!outages)
            rec.violation(
              `${op}: 503 outside any fault (${path}): ${last.text.slice(0, 160)}`,
            );
          if (Date.now() > until) return { status: null, retries };
          retries++;
          await sleep(Math.min(MAX_RETRY_WAIT_MS, Number(ra || 1) * 1000));
          continue;
        }
        if (s >= 500)
          rec.violation(
            `${op}: ${s} ${last.text.slice(0, 200)} (${method} ${path})`,
          );
        let parsed = null;
        try {
          parsed = last.text ? JSON.parse(last.text) : null;
        } catch {
          parsed = null;
        }
        if (s >= 500) {
          if (Date.now() > until) return { status: s, json: parsed, retries };
          retries++;
          await sleep(1000);
          continue;
        }
        return { status: s, headers: last.headers, json: parsed, retries };
      }
      if (Date.now() > until) return { status: null, retries };
      retries++;
      await sleep(500);
    }
  }

  return {
    request,
    markDown: (i) => down.add(i),
    markUp: (i) => down.delete(i),
    isDown: (i) => down.has(i),
    outageBegins: () => outages++,
    outageEnds: () => outages--,
    get inOutage() {
      return outages > 0;
    },
  };
}

module.exports = { createRecorder, createHttp };
