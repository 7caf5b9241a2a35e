import type { LoadProgress, LoadSummary } from '@onewindow/demo-data';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Progress lines on stderr: rewritten in place on a terminal, one line every ~2 s otherwise. */
export function progressPrinter(
  stream: NodeJS.WriteStream = process.stderr,
): (p: LoadProgress) => void {
  const tty = stream.isTTY === true;
  let lastLine = 0;
  return (p) => {
    const line = `${p.table.padEnd(17)} ${fmt(p.rows).padStart(11)} rows  ${fmt(p.rowsPerSecond).padStart(9)} rows/s  ${p.seconds.toFixed(1)} s${p.done ? '  done' : ''}`;
    if (tty) stream.write(`\r\x1b[2K${line}${p.done ? '\n' : ''}`);
    else if (p.done || Date.now() - lastLine >= 2000) {
      stream.write(`${line}\n`);
      lastLine = Date.now();
    }
  };
}

export function summaryLines(s: LoadSummary): string[] {
  const lines = [
    `demo load: ${s.tickets} tickets, ${s.totalRows} total rows in ${s.seconds.toFixed(1)} s (${Math.round(s.tickets / s.seconds)} tickets/s)`,
    `  profile ${s.profile}, seed ${s.seed}`,
  ];
  for (const t of s.tables)
    lines.push(
      `  ${t.table.padEnd(17)} ${fmt(t.rows).padStart(11)} rows  ${t.seconds.toFixed(2).padStart(7)} s`,
    );
  lines.push(
    `  ${'ANALYZE'.padEnd(17)} ${''.padStart(11)}       ${s.analyzeSeconds.toFixed(2).padStart(7)} s`,
  );
  return lines;
}
