'use strict';
/**
 * bench:queue's run e: managers' maximal minimum-windows searches (arrivalsPerDay × replications
 * = MAX_SYNC_CUSTOMER_REPLICATIONS, ~3.5 s each on one core) posted by `clients` loops, each posting
 * its next search as soon as the previous one answers, until `stop()`.
 */

/** The largest search the API answers inside a request (libs/queueing limits.ts). */
const MAXIMAL_SEARCH = {
  scenario: {
    open: '08:30',
    close: '17:00',
    arrivalsPerDay: 10_000,
    profile: [
      { start: '08:30', end: '12:00', share: 0.6 },
      { start: '12:00', end: '17:00', share: 0.4 },
    ],
    categories: [
      {
        code: 'social_security',
        share: 0.7,
        service: { distribution: 'exponential', meanMinutes: 6 },
      },
      {
        code: 'market_regulation',
        share: 0.3,
        service: { distribution: 'lognormal', meanMinutes: 20, cv: 0.9 },
      },
    ],
    target: { waitMinutes: 15, share: 0.8 },
  },
  layout: { kind: 'comprehensive' },
  criterion: 'day',
  replications: 300,
};

/**
 * Starts the loops against the API at `base` with `token`; `stop()` waits for the searches under
 * way and resolves { answered, statuses, meanMs }.
 */
function planningLoad(base, token, clients) {
  let running = true;
  const statuses = {};
  const times = [];
  const loop = async (n) => {
    let seed = n * 1000;
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/planning/minimum-windows`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ ...MAXIMAL_SEARCH, seed: ++seed }),
      });
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 200) times.push(performance.now() - t0);
      else if (res.status === 429) {
        // as a client should: wait what Retry-After says
        const s = Number(res.headers.get('retry-after')) || 1;
        await new Promise((r) => setTimeout(r, s * 1000));
      } else throw new Error(`minimum-windows answered ${res.status}`);
    }
  };
  const loops = Array.from({ length: clients }, (_, n) => loop(n));
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return {
        answered: times.length,
        statuses,
        meanMs: times.reduce((a, b) => a + b, 0) / (times.length || 1),
      };
    },
  };
}

module.exports = { planningLoad, MAXIMAL_SEARCH };
