import { CATEGORIES } from '../catalog';
import { Visit } from './ticket';

const N_CAT = CATEGORIES.length;

/**
 * The waiting tickets of a day: per category two queues, high (priority and appointment) and
 * normal, each in queue_at order; a queue's head index moves on as tickets are called.
 */
export class CategoryQueues {
  private readonly qHigh: Visit[][] = Array.from({ length: N_CAT }, () => []);
  private readonly qNorm: Visit[][] = Array.from({ length: N_CAT }, () => []);
  private readonly hHigh = new Int32Array(N_CAT);
  private readonly hNorm = new Int32Array(N_CAT);

  /** Adds a ticket at its place by queue_at (a follow-up keeps the original's place). */
  enqueue(w: Visit): void {
    const q = w.high ? this.qHigh[w.cat] : this.qNorm[w.cat];
    // follow-ups keep their original place: insert by queue time (rare; from the tail)
    let i = q.length;
    q.push(w);
    const head = w.high ? this.hHigh[w.cat] : this.hNorm[w.cat];
    while (i > head && q[i - 1].ticket.queued > w.ticket.queued) {
      q[i] = q[i - 1];
      i--;
    }
    q[i] = w;
  }

  /**
   * Takes the best waiting ticket a window serving the categories of `mask` may call: the high
   * queues first, then the oldest place (queue_at); null when none waits.
   */
  take(mask: number): Visit | null {
    let bw: Visit | null = null;
    let bc = -1;
    let bh = false;
    for (let c = 0; c < N_CAT; c++) {
      if (!((mask >> c) & 1)) continue;
      if (this.hHigh[c] < this.qHigh[c].length) {
        const w = this.qHigh[c][this.hHigh[c]];
        if (!bh || (bw as Visit).ticket.queued > w.ticket.queued) {
          bw = w;
          bc = c;
          bh = true;
        }
      } else if (!bh && this.hNorm[c] < this.qNorm[c].length) {
        const w = this.qNorm[c][this.hNorm[c]];
        if (bw === null || bw.ticket.queued > w.ticket.queued) {
          bw = w;
          bc = c;
        }
      }
    }
    if (bw === null) return null;
    if (bh) this.hHigh[bc]++;
    else this.hNorm[bc]++;
    return bw;
  }
}
