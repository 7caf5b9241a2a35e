'use strict';
/** The resilience table: printed, and written to docs/resilience.md with how it was made. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('../bench/common/processes');

/** Statuses of the attempts between `from` and `to` (ms since the start), as "201×812 503×4". */
function statusesIn(attempts, from, to, ops = null) {
  const by = {};
  let n = 0;
  for (const [t, op, , s] of attempts) {
    if (t < from || t > to || (ops && !ops.includes(op))) continue;
    n++;
    by[s] = (by[s] ?? 0) + 1;
  }
  const text = Object.entries(by)
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([s, k]) => `${s}×${k}`)
    .join(' ');
  return { n, text };
}

function table(rows) {
  const head = [
    'scenario',
    'requests',
    'responses by status',
    'lost',
    'duplicated',
    's to recover',
    'result',
  ];
  const lines = [
    `| ${head.join(' | ')} |`,
    `| ${head.map((h, i) => (i === 0 || i === 2 || i === 6 ? '---' : '---:')).join(' | ')} |`,
  ];
  for (const r of rows)
    lines.push(
      `| ${[r.scenario, r.requests ?? '', r.statuses ?? '', r.lost ?? '', r.duplicated ?? '', r.recoverS ?? '', r.result].join(' | ')} |`,
    );
  return lines.join('\n');
}

/** Writes docs/resilience.md for `profile` (one section per profile; the other is kept). */
function writeDoc(profile, command, rows, notes, elapsedS) {
  const file = path.join(ROOT, 'docs/resilience.md');
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const section = [
    `<!-- profile:${profile} -->`,
    `## Profile \`${profile}\``,
    '',
    `\`${command}\` — ${date}, ${os.cpus().length} cores (shared), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; the run took ${Math.round(elapsedS)} s.`,
    '',
    table(rows),
    '',
    ...notes.map((n) => `- ${n}`),
    `<!-- /profile:${profile} -->`,
  ].join('\n');
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const re = new RegExp(
    `<!-- profile:${profile} -->[\\s\\S]*?<!-- /profile:${profile} -->`,
  );
  if (!text) text = `${HEADER}\n${section}\n`;
  else if (re.test(text)) text = text.replace(re, section);
  else text = `${text.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, text);
  return file;
}

const HEADER = `# Resilience

\`npm run test:resilience\` (tools/resilience/) starts the real stack on its own PostgreSQL 15 cluster
and Redis (temporary, loopback only): two API instances, the worker, the small demo loaded through
the CLI. It runs a hall-day compressed — kiosks issuing with an Idempotency-Key each, clerks
calling, serving and marking no-shows, boards on the live stream, citizens on their ticket pages —
through the faults below, then the abuse checks, and fails (exit 1) when a ticket is lost or
duplicated or any check fails. CI runs \`--profile short\` (scripts/test.sh).

Columns: requests and responses by status (ERR: no answer, the connection refused or reset) of
every client between the fault and the recovery; lost: acknowledged tickets (201) not stored, or
import rows / a plan result missing; duplicated: a ticket number twice in a hall's day, a key
answered with two tickets, a stored ticket no key explains, an import row or plan twice;
s to recover: from the fault's end (Redis, PostgreSQL or the process started again) until the stack
served again (Redis: the outbox backlog handed over; PostgreSQL: a ticket through each instance;
API: healthy; worker: the import or plan done). A 503 is expected only during a fault and must carry
Retry-After; any other 5xx, or a connection error from an instance that was not being killed, fails
the run. Checks marked *expected to fail* name a protection another change is adding; they do not
fail the run.
`;

module.exports = { statusesIn, table, writeDoc };
