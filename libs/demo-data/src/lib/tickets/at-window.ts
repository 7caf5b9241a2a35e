import { Rng } from '../rng';
import { CLOSE_SECONDS } from './arrivals';
import { Outcome, Ticket, Visit } from './ticket';

/**
 * A window calls a ticket at `now`: what follows, by the fate drawn at issue. A no-show is
 * recalled 0–2 times; a transfer is handled briefly and hands its holder a follow-up ticket for
 * another department (`transfer`, issued 30 s after), unless that would come within 20 minutes of
 * closing (then it is simply done); everyone else is served, completed and may rate. Returns the
 * time the window is free again.
 */
export function callAtWindow(
  rng: Rng,
  w: Visit,
  windowId: string,
  now: number,
  transfer: (from: Visit, issued: number) => void,
): number {
  const t = w.ticket;
  t.called = now;
  t.windowId = windowId;
  if (w.fate === 'no_show') return noShow(rng, t, now);
  t.started = Math.min(now + 15 + rng.int(60), CLOSE_SECONDS);
  if (w.fate === 'transferred') {
    const end = t.started + 90 + rng.int(270);
    if (end + 30 < CLOSE_SECONDS - 1200) {
      t.completed = end;
      const free = end + 10 + rng.int(30);
      transfer(w, end + 30);
      return free;
    }
    w.fate = 'done';
    t.state = 'done';
  }
  t.completed = Math.min(t.started + w.serviceSeconds, CLOSE_SECONDS);
  t.outcome = w.outcome;
  t.rating = rate(rng, w.outcome);
  return t.completed + 10 + rng.int(30);
}

/** The holder does not come: recalled 0 (50 %), 1 (35 %) or 2 times, a minute each. */
function noShow(rng: Rng, t: Ticket, now: number): number {
  const u = rng.float();
  t.recallCount = u < 0.5 ? 0 : u < 0.85 ? 1 : 2;
  return Math.min(now + 60 + 60 * t.recallCount + rng.int(30), CLOSE_SECONDS);
}

/** The rating pad after completion: 5 % do not rate; the stars depend on the outcome. */
function rate(rng: Rng, outcome: Outcome): number | null {
  const u = rng.float();
  if (u < 0.05) return null; // not rated
  const v = rng.float();
  if (outcome === 'done')
    return v < 0.72 ? 5 : v < 0.92 ? 4 : v < 0.97 ? 3 : v < 0.99 ? 2 : 1;
  if (outcome === 'needs_materials')
    return v < 0.45 ? 5 : v < 0.75 ? 4 : v < 0.9 ? 3 : v < 0.96 ? 2 : 1;
  return v < 0.25 ? 5 : v < 0.5 ? 4 : v < 0.75 ? 3 : v < 0.9 ? 2 : 1;
}
