import { CATEGORIES } from '../catalog';
import { Rng } from '../rng';
import { ActiveWindow } from '../windows';
import { LAST_ISSUE_SECONDS, OPEN_SECONDS } from './arrivals';
import { Visit } from './ticket';

/**
 * Window seconds the day's tickets ask of each category: handling plus a minute for the call and
 * the walk, 150 s for a no-show; nothing for a cancelled ticket.
 */
export function categoryLoad(visits: readonly Visit[]): Float64Array {
  const load = new Float64Array(CATEGORIES.length);
  for (const v of visits)
    if (v.fate !== 'cancelled')
      load[v.cat] += v.fate === 'no_show' ? 150 : v.serviceSeconds + 60;
  return load;
}

/**
 * The windows staffed for the day (indices into `active`): department windows of a category
 * first, the rest on comprehensive windows, about 1.3–1.5 × the day's average load, so queues
 * build in the morning peak and drain at lunch. The list holds the department windows (by
 * category, then any taken for want of comprehensive ones), then the comprehensive windows.
 */
export function staffedWindows(
  active: readonly ActiveWindow[],
  load: Float64Array,
  rng: Rng,
): number[] {
  const nCat = CATEGORIES.length;
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
    if (load[c] === 0) continue;
    const need = (load[c] / span) * staffing;
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
  return staffed;
}
