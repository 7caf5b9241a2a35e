'use strict';
/** What the benches print by: progress lines, quantiles of measured times, elapsed time. */

/** A progress line. */
const log = (msg) => process.stdout.write(`› ${msg}\n`);

/** The q-quantile (0 < q ≤ 1) of ascending `sorted`: the smallest value with ≥ q of them at or below it. */
function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil(q * sorted.length) - 1),
  );
  return sorted[i];
}

/** Milliseconds since `t0`, a process.hrtime.bigint(). */
const msSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

module.exports = { log, quantile, msSince };
