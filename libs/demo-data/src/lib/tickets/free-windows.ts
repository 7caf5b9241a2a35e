/**
 * When the busy windows of a day come free: a binary min-heap of (time, window), ties broken by
 * the lower window index.
 */
export class FreeWindows {
  private readonly times: number[] = [];
  private readonly windows: number[] = [];

  /** The earliest time a window comes free (Infinity when none is busy). */
  nextTime(): number {
    return this.times.length ? this.times[0] : Infinity;
  }

  /** The window that comes free at nextTime(). */
  nextWindow(): number {
    return this.windows[0];
  }

  push(t: number, s: number): void {
    const heapT = this.times;
    const heapS = this.windows;
    let i = heapT.length;
    heapT.push(t);
    heapS.push(s);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapT[p] < t || (heapT[p] === t && heapS[p] < s)) break;
      heapT[i] = heapT[p];
      heapS[i] = heapS[p];
      i = p;
    }
    heapT[i] = t;
    heapS[i] = s;
  }

  /** Removes the earliest entry. */
  pop(): void {
    const heapT = this.times;
    const heapS = this.windows;
    const lt = heapT.pop() as number;
    const ls = heapS.pop() as number;
    const n = heapT.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      if (
        r < n &&
        (heapT[r] < heapT[l] || (heapT[r] === heapT[l] && heapS[r] < heapS[l]))
      )
        m = r;
      if (lt < heapT[m] || (lt === heapT[m] && ls < heapS[m])) break;
      heapT[i] = heapT[m];
      heapS[i] = heapS[m];
      i = m;
    }
    heapT[i] = lt;
    heapS[i] = ls;
  }
}
