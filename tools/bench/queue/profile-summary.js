'use strict';
/**
 * Where a .cpuprofile's time went: self time by package (node_modules/<pkg>, the API bundle,
 * node internals, GC, idle) and the top self-time functions.
 *
 *   node tools/bench/queue/profile-summary.js <file.cpuprofile> [topN=25]
 */
const fs = require('node:fs');

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profile-summary.js <file.cpuprofile> [topN]\n');
  process.exit(1);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));

// self time per node from the samples and their time deltas (µs)
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

function bucketOf(frame) {
  const url = frame.url || '';
  const fn = frame.functionName;
  if (!url) {
    if (fn === '(idle)') return '(idle)';
    if (fn === '(garbage collector)') return '(garbage collector)';
    if (fn === '(program)') return '(program: native, not attributed)';
    return `(native ${fn || 'anonymous'})`;
  }
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node internals';
  if (/dist\/apps\/api\/main\.js/.test(url)) return 'API code (bundle)';
  return url.replace(/^file:\/\//, '');
}

const byBucket = new Map();
const byFn = new Map();
for (const [id, us] of self) {
  const n = nodes.get(id);
  const b = bucketOf(n.callFrame);
  byBucket.set(b, (byBucket.get(b) ?? 0) + us);
  const where = n.callFrame.url
    ? `${bucketOf(n.callFrame)}:${n.callFrame.lineNumber + 1}`
    : '';
  const key = `${n.callFrame.functionName || '(anonymous)'} ${where}`;
  byFn.set(key, (byFn.get(key) ?? 0) + us);
}

const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
const busy = total - (byBucket.get('(idle)') ?? 0);
process.stdout.write(
  `${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${pct(busy).trim()})\n\nself time by package\n`,
);
for (const [b, us] of [...byBucket].sort((a, c) => c[1] - a[1]).slice(0, top))
  process.stdout.write(`  ${pct(us)}  ${b}\n`);
process.stdout.write('\ntop functions by self time\n');
for (const [f, us] of [...byFn].sort((a, c) => c[1] - a[1]).slice(0, top))
  process.stdout.write(`  ${pct(us)}  ${f}\n`);
