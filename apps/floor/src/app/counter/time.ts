/** Whole minutes from one moment to another (null when either is missing or unreadable). */
export function minutesBetween(
  from: string | undefined,
  to: string | undefined,
): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 60_000)) : null;
}

/** Time since a moment as a running clock: "0:07", "12:30", "1:02:03". */
export function elapsedClock(since: string | undefined, now: number): string {
  const start = since ? Date.parse(since) : NaN;
  const total = Number.isFinite(start)
    ? Math.max(0, Math.floor((now - start) / 1000))
    : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A moment as the hall's clock shows it (Beijing time), e.g. "09:41". */
export function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}
