import { CATEGORIES } from '../catalog';
import { Rng } from '../rng';
import { ActiveWindow } from '../windows';
import { CLOSE_SECONDS } from './arrivals';
import { callAtWindow } from './at-window';
import { FreeWindows } from './free-windows';
import { CategoryQueues } from './queues';
import { Ticket, Visit } from './ticket';

/** No window calls in the last two minutes before closing. */
const LAST_CALL = CLOSE_SECONDS - 120;

/**
 * Mean patience of a person with a ticket, in seconds (exponential): how long they wait before
 * giving up, leaving and cancelling on the ticket page. People queueing at a service hall came
 * on purpose and mostly wait, so a long mean: with waits of a few minutes almost nobody leaves,
 * with waits of an hour one in three does.
 */
export const MEAN_PATIENCE_SECONDS = 150 * 60;

/** The day's tickets in issue order, and the last sequence per prefix (ticket_counters). */
export interface CalledDay {
  tickets: Ticket[];
  counters: Map<string, number>;
}

/**
 * The calling of one day, event by event: tickets are issued (numbered per prefix) and queue by
 * category; a free window calls the best ticket it may serve (its department's, or every category
 * of a comprehensive window; department windows are asked first); the call runs its course
 * (callAtWindow). Arrivals are the day's visits in issue order; follow-ups of transfers join by
 * their own issue time.
 *
 * People give up (docs/figures.md): each holder's patience is drawn at issue from `patience` (a
 * stream of its own, so the rest of the day draws as before); whoever has waited longer than it
 * when a window would call them has left at queue time + patience, cancelling their ticket (the
 * holder's cancel, an abandonment). The few `cancelled` fates are corrections: cancelled 20–110 s
 * after issue. Whoever still waits at closing is closed as `expired` at closing time, as the
 * worker does — unless their patience ran out first.
 */
export function callDay(
  rng: Rng,
  patience: Rng,
  arrivals: readonly Visit[],
  windows: readonly ActiveWindow[],
  followUp: (from: Visit, issued: number) => Visit,
): CalledDay {
  const nCat = CATEGORIES.length;
  const nS = windows.length;
  const sMask = Int32Array.from(windows.map((w) => w.mask));
  const sWindow = windows.map((w) => w.id);
  const sDept = windows.map((w) => w.mode === 'department');
  const busy = new Uint8Array(nS);
  // windows able to serve each category: department windows first
  const eligible: number[][] = Array.from({ length: nCat }, (_, c) => {
    const list: number[] = [];
    for (let s = 0; s < nS; s++)
      if (sDept[s] && (sMask[s] >> c) & 1) list.push(s);
    for (let s = 0; s < nS; s++)
      if (!sDept[s] && (sMask[s] >> c) & 1) list.push(s);
    return list;
  });
  const queues = new CategoryQueues();
  const free = new FreeWindows();
  const counters = new Map<string, number>();
  const issued: Ticket[] = [];
  const queued: Visit[] = [];
  const followUps: Visit[] = []; // transfers, sorted by issue time

  const issue = (w: Visit): void => {
    const t = w.ticket;
    t.id = rng.uuid();
    const seq = (counters.get(t.prefix) ?? 0) + 1;
    counters.set(t.prefix, seq);
    t.sequence = seq;
    t.number = t.prefix + (seq < 10 ? '00' : seq < 100 ? '0' : '') + seq;
    issued.push(t);
  };

  const transfer = (from: Visit, at: number): void => {
    const f = followUp(from, at);
    let i = followUps.length;
    followUps.push(f);
    while (i > 0 && followUps[i - 1].ticket.issued > f.ticket.issued) {
      followUps[i] = followUps[i - 1];
      i--;
    }
    followUps[i] = f;
  };

  const giveUp = (w: Visit): void => {
    w.ticket.state = 'cancelled';
    w.ticket.cancelled = w.ticket.queued + w.patience;
    w.ticket.cancelledBy = 'holder';
  };

  const call = (s: number, now: number): void => {
    let x = queues.take(sMask[s]);
    // whoever was ahead and ran out of patience has already left
    while (x && now - x.ticket.queued > x.patience) {
      giveUp(x);
      x = queues.take(sMask[s]);
    }
    if (!x) return;
    busy[s] = 1;
    free.push(callAtWindow(rng, x, sWindow[s], now, transfer), s);
  };

  let ai = 0;
  let fi = 0;
  for (;;) {
    const nextArrival =
      ai < arrivals.length ? arrivals[ai].ticket.issued : Infinity;
    const nextFollow =
      fi < followUps.length ? followUps[fi].ticket.issued : Infinity;
    const nextIssue = Math.min(nextArrival, nextFollow);
    const nextFree = free.nextTime();
    if (nextIssue === Infinity && nextFree === Infinity) break;
    if (nextIssue <= nextFree) {
      const w = nextFollow < nextArrival ? followUps[fi++] : arrivals[ai++];
      issue(w);
      const now = w.ticket.issued;
      if (w.fate === 'cancelled') {
        // a correction: a wrong item or a second ticket, cancelled at once
        w.ticket.cancelled = Math.min(now + 20 + rng.int(90), CLOSE_SECONDS);
        w.ticket.cancelledBy = 'holder';
        continue;
      }
      if (w.ticket.transferredFromId === null)
        w.patience = -MEAN_PATIENCE_SECONDS * Math.log(1 - patience.float());
      queues.enqueue(w);
      queued.push(w);
      if (now > LAST_CALL) continue;
      for (const s of eligible[w.cat]) {
        if (!busy[s]) {
          call(s, now);
          break;
        }
      }
    } else {
      const s = free.nextWindow();
      free.pop();
      busy[s] = 0;
      if (nextFree > LAST_CALL) continue;
      call(s, nextFree);
    }
  }
  // whoever still waits at closing: gave up before it, or is closed as expired
  for (const w of queued) {
    const t = w.ticket;
    if (t.called !== null || t.cancelled !== null) continue;
    if (CLOSE_SECONDS - t.queued > w.patience) giveUp(w);
    else {
      t.state = 'expired';
      t.expired = CLOSE_SECONDS;
    }
  }
  return { tickets: issued, counters };
}
