'use strict';
/**
 * A hall-day compressed, through the public contract only: kiosks issuing tickets (each with its
 * own Idempotency-Key, the same one on every retry), clerks calling, starting, completing or
 * marking no-shows at their windows, boards following the live stream (Last-Event-ID on every
 * reconnect) and reading the queue, citizens reading their ticket pages and some leaving through
 * them. Every loop stops when told; each request is bounded by the client's deadline.
 */
const http = require('node:http');
const { sleep } = require('../bench/common/processes');

const FINAL = new Set([
  'done',
  'no_show',
  'cancelled',
  'expired',
  'transferred',
]);
const expo = (meanMs) => -Math.log(1 - Math.random()) * meanMs;

function createLoad({ api, rec, world, apis, profile, tag }) {
  const hall = world.hall;
  const keys = new Map(); // key -> { at, ids: Set, acked: id|null, status }
  const tickets = new Map(); // id -> { key, statusToken, number, at }
  const recent = []; // ids of acked tickets, for the citizens
  const flags = { kiosks: true, clerks: true, readers: true };
  const counts = {
    issued: 0,
    called: 0,
    served: 0,
    noShows: 0,
    holderCancels: 0,
    recovered409: 0,
    unacked: 0,
  };
  const running = [];

  // ---------------------------------------------------------------- kiosks
  async function kiosk(i, token) {
    let n = 0;
    const meanMs = (profile.kiosks / profile.ticketsPerSecond) * 1000;
    await sleep(Math.random() * meanMs);
    while (flags.kiosks) {
      const key = `${tag}-k${i}-${++n}`;
      const body = {
        serviceItemCode: world.items[(i * 7 + n) % world.items.length],
        priority: Math.random() < 0.05 ? 'priority' : 'normal',
      };
      const entry = {
        at: rec.now(),
        ids: new Set(),
        acked: null,
        status: null,
      };
      keys.set(key, entry);
      const r = await api.request('issue', {
        method: 'POST',
        path: `/api/v1/halls/${hall}/tickets`,
        token,
        headers: { 'idempotency-key': key },
        json: body,
        prefer: i,
      });
      entry.status = r.status;
      if (r.status === 201 || r.status === 200) {
        entry.ids.add(r.json.id);
        entry.acked = r.json.id;
        if (!tickets.has(r.json.id)) {
          tickets.set(r.json.id, {
            key,
            statusToken: r.json.statusToken,
            number: r.json.number,
            at: rec.now(),
          });
          recent.push(r.json.id);
          counts.issued++;
        }
      } else if (r.status === null) {
        counts.unacked++;
        rec.violation(`issue ${key}: no answer within the deadline`);
      } else
        rec.violation(`issue ${key}: ${r.status} ${JSON.stringify(r.json)}`);
      await sleep(expo(meanMs));
    }
  }

  // ---------------------------------------------------------------- clerks
  /** A clerk's step on ticket `id` towards `target`; a 409 after a retry is checked against the ticket. */
  async function step(clerk, id, action, target, json) {
    const r = await api.request(action, {
      method: 'POST',
      path: `/api/v1/tickets/${id}/${action}`,
      token: clerk.token,
      json: json ?? {},
      prefer: clerk.no,
    });
    if (r.status === 200) return true;
    if (r.status === 409) {
      const now = await api.request('ticket', {
        path: `/api/v1/tickets/${id}`,
        token: clerk.token,
        prefer: clerk.no,
      });
      if (now.status === 200 && now.json.state === target) {
        // the first attempt had done it; its answer was lost with the connection
        if (r.retries === 0)
          rec.violation(
            `${action} ${id}: 409 on a first attempt, yet it is ${target}`,
          );
        counts.recovered409++;
        return true;
      }
      rec.violation(
        `${action} ${id}: 409, and the ticket is ${now.json?.state} (not ${target})`,
      );
      return false;
    }
    rec.violation(`${action} ${id}: ${r.status} ${JSON.stringify(r.json)}`);
    return false;
  }

  /** The ticket a window holds, from the hall's queue (after a call-next whose answer was lost). */
  async function heldTicket(clerk) {
    const q = await api.request('queue', {
      path: `/api/v1/halls/${hall}/queue`,
      token: clerk.token,
      prefer: clerk.no,
    });
    const w = q.json?.windows?.find((x) => x.id === clerk.windowId);
    return w?.currentTicket ?? null;
  }

  async function clerkLoop(clerk) {
    while (flags.clerks) {
      const r = await api.request('call-next', {
        method: 'POST',
        path: `/api/v1/halls/${hall}/windows/${clerk.windowId}/call-next`,
        token: clerk.token,
        prefer: clerk.no,
      });
      let ticket = null;
      if (r.status === 200) ticket = r.json;
      else if (r.status === 204) {
        clerk.idle = true;
        await sleep(500 + Math.random() * 500);
        continue;
      } else if (r.status === 409) {
        ticket = await heldTicket(clerk);
        if (r.retries === 0 && clerk.lost === 0)
          rec.violation(`call-next at ${clerk.label}: 409 on a first attempt`);
        if (!ticket) {
          rec.violation(
            `call-next at ${clerk.label}: 409, yet the window holds nothing`,
          );
          await sleep(1000);
          continue;
        }
        counts.recovered409++;
      } else {
        rec.violation(
          `call-next at ${clerk.label}: ${r.status} ${JSON.stringify(r.json)}`,
        );
        await sleep(1000);
        continue;
      }
      clerk.idle = false;
      counts.called++;
      const id = ticket.id;
      if (ticket.state === 'called' && Math.random() < profile.noShowShare) {
        await sleep(300);
        if (await step(clerk, id, 'no-show', 'no_show')) counts.noShows++;
        else clerk.lost++;
        continue;
      }
      if (
        ticket.state === 'called' &&
        !(await step(clerk, id, 'start', 'serving'))
      ) {
        clerk.lost++;
        continue;
      }
      await sleep(
        profile.serviceMs[0] +
          Math.random() * (profile.serviceMs[1] - profile.serviceMs[0]),
      );
      if (await step(clerk, id, 'complete', 'done', { outcome: 'done' }))
        counts.served++;
      else clerk.lost++;
    }
  }

  // ---------------------------------------------------------------- citizens and board reads
  async function citizen(i) {
    while (flags.readers) {
      await sleep(500 + Math.random() * 1000);
      if (!recent.length) continue;
      const id = recent[Math.floor(Math.random() * recent.length)];
      const t = tickets.get(id);
      const r = await api.request('ticket-page', {
        path: `/api/v1/public/tickets/${t.statusToken}`,
        prefer: i,
      });
      if (r.status !== 200) {
        rec.violation(
          `ticket page of ${t.number}: ${r.status} ${JSON.stringify(r.json)}`,
        );
        continue;
      }
      if (r.json.number !== t.number)
        rec.violation(`ticket page of ${t.number} shows ${r.json.number}`);
      if (
        r.json.state === 'waiting' &&
        Math.random() < profile.leaveShare &&
        flags.kiosks
      ) {
        const c = await api.request('holder-cancel', {
          method: 'POST',
          path: `/api/v1/public/tickets/${t.statusToken}/cancel`,
          prefer: i,
        });
        if (c.status === 200) counts.holderCancels++;
        else if (c.status === 409) {
          // called meanwhile, or an earlier attempt had cancelled it: the page says which
          const after = await api.request('ticket-page', {
            path: `/api/v1/public/tickets/${t.statusToken}`,
            prefer: i,
          });
          if (after.json?.state === 'cancelled') {
            if (c.retries === 0)
              rec.violation(
                `holder cancel of ${t.number}: 409 on a first attempt, yet cancelled`,
              );
            counts.holderCancels++;
          } else if (after.json?.state === 'waiting')
            rec.violation(`holder cancel of ${t.number}: 409 while waiting`);
        } else rec.violation(`holder cancel of ${t.number}: ${c.status}`);
      }
    }
  }

  async function boardReader(i, token) {
    while (flags.readers) {
      await sleep(2000);
      const r = await api.request('board-queue', {
        path: `/api/v1/halls/${hall}/queue`,
        token,
        prefer: i,
      });
      if (r.status !== 200)
        rec.violation(
          `board queue read: ${r.status} ${JSON.stringify(r.json)}`,
        );
    }
  }

  // ---------------------------------------------------------------- boards' live streams
  function boardStream(i, token) {
    const b = {
      no: i,
      ids: [],
      reconnects: 0,
      req: null,
      lastId: null,
      instance: null,
    };
    const connect = () => {
      if (!flags.readers) return;
      let idx = i % apis.length;
      if (!apis[idx].alive()) idx = (idx + 1) % apis.length;
      b.instance = idx;
      const headers = {
        authorization: `Bearer ${token}`,
        accept: 'text/event-stream',
      };
      if (b.lastId !== null) headers['last-event-id'] = String(b.lastId);
      let buf = '';
      const req = http.get(
        {
          host: '127.0.0.1',
          port: apis[idx].port,
          path: `/api/v1/halls/${hall}/events`,
          headers,
        },
        (res) => {
          rec.record('board-stream', idx, res.statusCode);
          if (res.statusCode !== 200) {
            if (res.statusCode !== 503)
              rec.violation(
                `board stream: ${res.statusCode} from ${apis[idx].name}`,
              );
            res.resume();
            return;
          }
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            buf += chunk;
            let cut;
            while ((cut = buf.indexOf('\n\n')) >= 0) {
              const frame = buf.slice(0, cut);
              buf = buf.slice(cut + 2);
              const m = /^id: (\d+)$/m.exec(frame);
              if (m) {
                const id = Number(m[1]);
                b.ids.push(id);
                b.lastId = id;
              }
            }
          });
        },
      );
      req.on('error', (e) => {
        if (flags.readers && apis[idx].alive() && !api.isDown(idx))
          rec.violation(
            `board stream: ${e.code ?? e.message} from ${apis[idx].name}`,
          );
      });
      req.on('close', () => {
        if (!flags.readers) return;
        b.reconnects++;
        setTimeout(connect, 1000);
      });
      b.req = req;
    };
    connect();
    b.close = () => b.req?.destroy();
    return b;
  }

  const boards = [];
  return {
    keys,
    tickets,
    counts,
    boards,
    start() {
      world.clerks.forEach((c, n) => {
        c.no = n;
        c.lost = 0;
        running.push(clerkLoop(c));
      });
      world.kiosks.forEach((t, i) => running.push(kiosk(i, t)));
      for (let i = 0; i < profile.citizens; i++) running.push(citizen(i));
      world.boards.forEach((t, i) => {
        boards.push(boardStream(i, t));
        running.push(boardReader(i, t));
      });
    },
    stopKiosks: () => (flags.kiosks = false),
    clerksIdle: () => world.clerks.every((c) => c.idle),
    async stop() {
      flags.kiosks = false;
      flags.clerks = false;
      flags.readers = false;
      for (const b of boards) b.close();
      await Promise.all(running);
    },
  };
}

module.exports = { createLoad, FINAL };
