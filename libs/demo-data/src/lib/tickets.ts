import {
  CATEGORIES,
  CATEGORY_INDEX,
  SERVICE_ITEMS,
  ServiceItemDef,
  itemMixWeights,
} from './catalog';
import { isoOf, yearOf } from './calendar';
import { HallSpec, hallCategoriesOn } from './halls';
import { hallId } from './ids';
import { Rng, cumulative } from './rng';
import { HallWindows } from './windows';

/** Opening hours of every demo hall (local time, seconds since midnight). */
export const OPEN_SECONDS = 8 * 3600 + 30 * 60; // 08:30
export const CLOSE_SECONDS = 17 * 3600; // 17:00
/** Ticket machines stop issuing half an hour before closing. */
export const LAST_ISSUE_SECONDS = 16 * 3600 + 30 * 60; // 16:30
const SLOT = 900;

/**
 * Arrivals (ticket issues) per quarter hour from 08:30 to 16:30: morning peak around 9:30–10:30,
 * lunch dip, smaller afternoon peak around 14:30.
 */
export const ISSUE_PROFILE = [
  0.9, 1.4, 1.8, 2.1, 2.4, 2.5, 2.5, 2.3, 2.0, 1.7, 1.4, 1.1, 0.8, 0.55, 0.45,
  0.45, 0.5, 0.6, 0.9, 1.1, 1.3, 1.5, 1.7, 1.85, 1.9, 1.85, 1.6, 1.4, 1.2, 1.0,
  0.75, 0.5,
];
const ISSUE_CUM = cumulative(ISSUE_PROFILE);

export type Priority = 'normal' | 'priority' | 'appointment';
export type Channel = 'kiosk' | 'mobile' | 'appointment' | 'staff';
export type TicketState = 'done' | 'no_show' | 'cancelled' | 'transferred';
export type Outcome = 'done' | 'needs_materials' | 'rejected';

/** A generated ticket; times are seconds since local midnight of service_date (Asia/Shanghai). */
export interface Ticket {
  id: string;
  number: string;
  prefix: string;
  sequence: number;
  itemCode: string;
  categoryCode: string;
  priority: Priority;
  channel: Channel;
  state: TicketState;
  issued: number;
  queued: number;
  called: number | null;
  started: number | null;
  completed: number | null;
  cancelled: number | null;
  windowId: string | null;
  recallCount: number;
  outcome: Outcome | null;
  rating: number | null;
  transferredFromId: string | null;
}

export interface TicketDay {
  hallKey: string;
  hallId: string;
  day: number;
  date: string;
  visitors: number;
  tickets: Ticket[];
  /** last sequence per prefix (ticket_counters) */
  counters: Map<string, number>;
}

interface Work {
  t: Ticket;
  item: number;
  cat: number;
  high: boolean;
  fate: TicketState;
  svc: number;
  outcome: Outcome;
}

/** Per-hall data the daily simulation reuses. */
export class HallTicketModel {
  readonly items: ServiceItemDef[];
  private readonly mixByYear = new Map<number, number[]>();
  private readonly itemCat: Int32Array;
  private readonly meanSvc: Float64Array;
  readonly hallId: string;

  constructor(
    readonly spec: HallSpec,
    readonly windows: HallWindows,
    readonly visitors: Map<number, number>,
    readonly seed: number,
  ) {
    this.hallId = hallId(spec.key);
    this.items = SERVICE_ITEMS.filter(
      (i) => !spec.items || spec.items.includes(i.code),
    );
    this.itemCat = Int32Array.from(
      this.items.map((i) => CATEGORY_INDEX.get(i.categoryCode) as number),
    );
    // a county hall's clerks take a little longer than the catalog's typical time in 2019 (more
    // paper), a little less in 2020 (materials pre-checked online)
    this.meanSvc = Float64Array.from(
      this.items.map((i) => i.typicalHandlingMinutes * 60),
    );
  }

  private mix(year: number): number[] {
    let m = this.mixByYear.get(year);
    if (!m) {
      // 2020: business-registration and tax tickets fell fastest (企业开办全程网办)
      const f2020: Record<string, number> = {
        market_regulation: 0.7,
        tax: 0.8,
        provident_fund: 0.85,
        medical_insurance: 1.05,
        civil_affairs: 1.15,
        police_vehicles: 1.1,
      };
      m = itemMixWeights(this.items, (c) =>
        year >= 2020 ? (f2020[c] ?? 1) : 1,
      );
      this.mixByYear.set(year, m);
    }
    return m;
  }

  /** Simulates one open day of the hall: arrivals, queues per category, windows, outcomes. */
  day(day: number): TicketDay {
    const date = isoOf(day);
    const rng = Rng.derive(this.seed, 'tickets', this.spec.key, date);
    const visitors = this.visitors.get(day) ?? 0;
    const year = yearOf(day);
    const share = (this.spec.ticketShare?.[year] ?? 0.58) * rng.noise(0.03);
    const nTickets = Math.round(visitors * share);
    const active = this.windows.openOn(day);
    const cats = hallCategoriesOn(this.spec, date);
    const nCat = CATEGORIES.length;

    // categories some open window serves today
    let servedMask = 0;
    for (const w of active) servedMask |= w.mask;
    const baseMix = this.mix(year);
    const mixW = baseMix.map((w, i) =>
      (servedMask >> this.itemCat[i]) & 1 &&
      cats.includes(CATEGORIES[this.itemCat[i]].code)
        ? w
        : 0,
    );
    const mixCum = cumulative(mixW);
    const counters = new Map<string, number>();
    if (
      nTickets === 0 ||
      active.length === 0 ||
      mixCum[mixCum.length - 1] === 0
    ) {
      return {
        hallKey: this.spec.key,
        hallId: this.hallId,
        day,
        date,
        visitors,
        tickets: [],
        counters,
      };
    }

    // arrivals, sorted
    const times = new Int32Array(nTickets);
    for (let k = 0; k < nTickets; k++) {
      const s = rng.pick(ISSUE_CUM);
      times[k] = OPEN_SECONDS + s * SLOT + Math.floor(rng.float() * SLOT);
    }
    times.sort();

    // who comes for what
    const work: Work[] = new Array(nTickets);
    const catLoad = new Float64Array(nCat);
    const svcFactor = year >= 2020 ? 0.92 : 1.05;
    for (let k = 0; k < nTickets; k++) {
      const item = rng.pick(mixCum);
      const def = this.items[item];
      const cat = this.itemCat[item];
      const u = rng.float();
      const priority: Priority =
        u < 0.05 ? 'priority' : u < 0.13 ? 'appointment' : 'normal';
      const v = rng.float();
      const channel: Channel =
        priority === 'appointment'
          ? 'appointment'
          : v < 0.84
            ? 'kiosk'
            : v < 0.985
              ? 'mobile'
              : 'staff';
      const f = rng.float();
      const fate: TicketState =
        f < 0.02
          ? 'cancelled'
          : f < 0.07
            ? 'no_show'
            : f < 0.074
              ? 'transferred'
              : 'done';
      const o = rng.float();
      const outcome: Outcome =
        o < 0.9 ? 'done' : o < 0.98 ? 'needs_materials' : 'rejected';
      const mean = this.meanSvc[item] * svcFactor;
      let svc = rng.lognormal(mean, 0.45);
      if (outcome === 'needs_materials') svc *= 0.55;
      else if (outcome === 'rejected') svc *= 0.6;
      svc = Math.round(Math.min(Math.max(svc, 60), 3 * mean));
      if (fate !== 'cancelled')
        catLoad[cat] += fate === 'no_show' ? 150 : svc + 60;
      work[k] = {
        t: {
          id: '',
          number: '',
          prefix: CATEGORIES[cat].prefix,
          sequence: 0,
          itemCode: def.code,
          categoryCode: def.categoryCode,
          priority,
          channel,
          state: fate,
          issued: times[k],
          queued: times[k],
          called: null,
          started: null,
          completed: null,
          cancelled: null,
          windowId: null,
          recallCount: 0,
          outcome: null,
          rating: null,
          transferredFromId: null,
        },
        item,
        cat,
        high: priority !== 'normal',
        fate,
        svc,
        outcome,
      };
    }

    // staffing: department windows of a category first, the rest on comprehensive windows,
    // about 1.3–1.5 × the day's average load, so queues build in the morning peak and drain at lunch
    const staffing = rng.range(1.28, 1.5);
    const span = LAST_ISSUE_SECONDS - OPEN_SECONDS;
    const dept: number[][] = Array.from({ length: nCat }, () => []);
    const comp: number[] = [];
    active.forEach((w, i) => {
      if (w.mode === 'department') {
        for (let c = 0; c < nCat; c++) if ((w.mask >> c) & 1) dept[c].push(i);
      } else comp.push(i);
    });
    const staffed: number[] = [];
    let compNeed = 0;
    for (let c = 0; c < nCat; c++) {
      if (catLoad[c] === 0) continue;
      const need = (catLoad[c] / span) * staffing;
      const eligibleComp = comp.filter((i) => (active[i].mask >> c) & 1).length;
      let d = Math.min(
        dept[c].length,
        eligibleComp > 0 ? Math.floor(need) : Math.max(1, Math.ceil(need)),
      );
      if (eligibleComp === 0 && d === 0 && dept[c].length > 0) d = 1;
      for (let k = 0; k < d; k++) staffed.push(dept[c][k]);
      if (eligibleComp > 0) compNeed += need - d;
    }
    let nComp = Math.min(comp.length, Math.ceil(compNeed));
    if (compNeed > 0 && nComp === 0) nComp = Math.min(comp.length, 1);
    if (nComp < Math.ceil(compNeed)) {
      // not enough comprehensive windows: staff more department windows
      let short = Math.ceil(compNeed) - nComp;
      for (let c = 0; c < nCat && short > 0; c++) {
        for (const i of dept[c]) {
          if (short <= 0) break;
          if (!staffed.includes(i)) {
            staffed.push(i);
            short--;
          }
        }
      }
    }
    for (let k = 0; k < nComp; k++) staffed.push(comp[k]);

    const nS = staffed.length;
    const sMask = Int32Array.from(staffed.map((i) => active[i].mask));
    const sWindow = staffed.map((i) => active[i].id);
    const sDept = staffed.map((i) => active[i].mode === 'department');
    const busy = new Uint8Array(nS);
    // servers able to serve each category: department windows first
    const eligible: number[][] = Array.from({ length: nCat }, (_, c) => {
      const list: number[] = [];
      for (let s = 0; s < nS; s++)
        if (sDept[s] && (sMask[s] >> c) & 1) list.push(s);
      for (let s = 0; s < nS; s++)
        if (!sDept[s] && (sMask[s] >> c) & 1) list.push(s);
      return list;
    });

    // queues per category: [high (priority/appointment), normal]
    const qHigh: Work[][] = Array.from({ length: nCat }, () => []);
    const qNorm: Work[][] = Array.from({ length: nCat }, () => []);
    const hHigh = new Int32Array(nCat);
    const hNorm = new Int32Array(nCat);

    // server-free events: binary heap of (time, server)
    const heapT: number[] = [];
    const heapS: number[] = [];
    const push = (t: number, s: number): void => {
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
    };
    const pop = (): void => {
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
          (heapT[r] < heapT[l] ||
            (heapT[r] === heapT[l] && heapS[r] < heapS[l]))
        )
          m = r;
        if (lt < heapT[m] || (lt === heapT[m] && ls < heapS[m])) break;
        heapT[i] = heapT[m];
        heapS[i] = heapS[m];
        i = m;
      }
      heapT[i] = lt;
      heapS[i] = ls;
    };

    const issued: Ticket[] = [];
    const followUps: Work[] = []; // transfers, sorted by issue time
    const lastCall = CLOSE_SECONDS - 120;

    const issue = (w: Work): void => {
      const t = w.t;
      t.id = rng.uuid();
      const seq = (counters.get(t.prefix) ?? 0) + 1;
      counters.set(t.prefix, seq);
      t.sequence = seq;
      t.number = t.prefix + (seq < 10 ? '00' : seq < 100 ? '0' : '') + seq;
      issued.push(t);
    };

    const start = (s: number, w: Work, now: number): void => {
      const t = w.t;
      t.called = now;
      t.windowId = sWindow[s];
      let free: number;
      if (w.fate === 'no_show') {
        const u = rng.float();
        t.recallCount = u < 0.5 ? 0 : u < 0.85 ? 1 : 2;
        free = Math.min(
          now + 60 + 60 * t.recallCount + rng.int(30),
          CLOSE_SECONDS,
        );
      } else {
        t.started = Math.min(now + 15 + rng.int(60), CLOSE_SECONDS);
        if (w.fate === 'transferred') {
          const end = t.started + 90 + rng.int(270);
          if (end + 30 < CLOSE_SECONDS - 1200) {
            t.completed = end;
            free = end + 10 + rng.int(30);
            // the follow-up ticket for another department, keeping its place by the original issue time
            let item = rng.pick(mixCum);
            for (let k = 0; k < 8 && this.itemCat[item] === w.cat; k++)
              item = rng.pick(mixCum);
            const def = this.items[item];
            const cat = this.itemCat[item];
            const mean = this.meanSvc[item] * svcFactor;
            const f: Work = {
              t: {
                ...t,
                id: '',
                number: '',
                prefix: CATEGORIES[cat].prefix,
                sequence: 0,
                itemCode: def.code,
                categoryCode: def.categoryCode,
                channel: 'staff',
                state: 'done',
                issued: end + 30,
                queued: t.queued,
                called: null,
                started: null,
                completed: null,
                cancelled: null,
                windowId: null,
                recallCount: 0,
                outcome: null,
                rating: null,
                transferredFromId: t.id,
              },
              item,
              cat,
              high: w.high,
              fate: 'done',
              svc: Math.round(
                Math.min(Math.max(rng.lognormal(mean, 0.45), 60), 3 * mean),
              ),
              outcome: 'done',
            };
            let i = followUps.length;
            followUps.push(f);
            while (i > 0 && followUps[i - 1].t.issued > f.t.issued) {
              followUps[i] = followUps[i - 1];
              i--;
            }
            followUps[i] = f;
            busy[s] = 1;
            push(free, s);
            return;
          }
          w.fate = 'done';
          t.state = 'done';
        }
        t.completed = Math.min(t.started + w.svc, CLOSE_SECONDS);
        t.outcome = w.outcome;
        t.rating = rate(rng, w.outcome);
        free = t.completed + 10 + rng.int(30);
      }
      busy[s] = 1;
      push(free, s);
    };

    // the best waiting ticket a server may take: priority classes first, then the oldest place
    const best = (s: number): Work | null => {
      const mask = sMask[s];
      let bw: Work | null = null;
      let bc = -1;
      let bh = false;
      for (let c = 0; c < nCat; c++) {
        if (!((mask >> c) & 1)) continue;
        if (hHigh[c] < qHigh[c].length) {
          const w = qHigh[c][hHigh[c]];
          if (!bh || (bw as Work).t.queued > w.t.queued) {
            bw = w;
            bc = c;
            bh = true;
          }
        } else if (!bh && hNorm[c] < qNorm[c].length) {
          const w = qNorm[c][hNorm[c]];
          if (bw === null || bw.t.queued > w.t.queued) {
            bw = w;
            bc = c;
          }
        }
      }
      if (bw === null) return null;
      if (bh) hHigh[bc]++;
      else hNorm[bc]++;
      return bw;
    };

    const enqueue = (w: Work): void => {
      const q = w.high ? qHigh[w.cat] : qNorm[w.cat];
      // follow-ups keep their original place: insert by queue time (rare; from the tail)
      let i = q.length;
      q.push(w);
      const head = w.high ? hHigh[w.cat] : hNorm[w.cat];
      while (i > head && q[i - 1].t.queued > w.t.queued) {
        q[i] = q[i - 1];
        i--;
      }
      q[i] = w;
    };

    let ai = 0;
    let fi = 0;
    for (;;) {
      const nextArrival = ai < nTickets ? work[ai].t.issued : Infinity;
      const nextFollow =
        fi < followUps.length ? followUps[fi].t.issued : Infinity;
      const nextIssue = Math.min(nextArrival, nextFollow);
      const nextFree = heapT.length ? heapT[0] : Infinity;
      if (nextIssue === Infinity && nextFree === Infinity) break;
      if (nextIssue <= nextFree) {
        const w = nextFollow < nextArrival ? followUps[fi++] : work[ai++];
        issue(w);
        const now = w.t.issued;
        if (w.fate === 'cancelled') {
          w.t.cancelled = Math.min(now + 180 + rng.int(1320), CLOSE_SECONDS);
          continue;
        }
        enqueue(w);
        if (now > lastCall) continue;
        for (const s of eligible[w.cat]) {
          if (!busy[s]) {
            const x = best(s);
            if (x) start(s, x, now);
            break;
          }
        }
      } else {
        const s = heapS[0];
        pop();
        busy[s] = 0;
        if (nextFree > lastCall) continue;
        const x = best(s);
        if (x) start(s, x, nextFree);
      }
    }
    // whoever still waits at closing: the ticket lapses
    for (const t of issued) {
      if (t.called === null && t.cancelled === null) {
        t.state = 'cancelled';
        t.cancelled = CLOSE_SECONDS;
      }
    }
    return {
      hallKey: this.spec.key,
      hallId: this.hallId,
      day,
      date,
      visitors,
      tickets: issued,
      counters,
    };
  }
}

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
