/** Pure rules of the queue: who competes with whom, and the wait estimate. */

export interface ServingWindow {
  mode: 'department' | 'comprehensive';
  categoryCodes: string[];
}

/** A comprehensive window with no skill set serves every category; otherwise its listed ones. */
export function windowServes(w: ServingWindow, categoryCode: string): boolean {
  if (w.mode === 'comprehensive' && w.categoryCodes.length === 0) return true;
  return w.categoryCodes.includes(categoryCode);
}

/**
 * The categories whose tickets compete with a ticket of `categoryCode`: everything the windows
 * able to serve it also serve. `null` means every category.
 */
export function competingCategories(
  windows: ServingWindow[],
  categoryCode: string,
): string[] | null {
  const able = windows.filter((w) => windowServes(w, categoryCode));
  if (
    able.some((w) => w.mode === 'comprehensive' && w.categoryCodes.length === 0)
  )
    return null;
  return [
    ...new Set([categoryCode, ...able.flatMap((w) => w.categoryCodes)]),
  ].sort();
}

/** Minutes until a ticket is called: tickets ahead × handling time / windows able to serve it. */
export function estimateWaitMinutes(
  ahead: number,
  meanHandlingMinutes: number,
  ableWindows: number,
): number {
  return Math.round((ahead * meanHandlingMinutes) / Math.max(1, ableWindows));
}

export interface CallCandidate {
  queuedAt: Date;
}

/**
 * Which of the oldest normal and the oldest priority ticket a window calls: the green channel.
 * Priority (and appointment) tickets go first, however many normal tickets wait. Two hall settings
 * keep normal tickets moving: a normal ticket that has waited `normalMaxWaitMinutes` goes first,
 * and after `priorityStreakCap` priority calls in a row at this window (`streak`) its oldest normal
 * ticket goes next.
 *
 * The call itself is made by the SQL function call_next (libs/persistence/src/sql/functions/
 * call_next.sql), which applies this rule inside PostgreSQL; apps/api/test/green-channel.int-spec.ts
 * holds the two to the same choices over randomized queues.
 */
export function chooseNext(
  normal: CallCandidate | null,
  priority: CallCandidate | null,
  streak: number,
  rules: { priorityStreakCap: number; normalMaxWaitMinutes: number },
  now: Date,
): 'normal' | 'priority' | null {
  if (!normal) return priority ? 'priority' : null;
  if (!priority) return 'normal';
  if (
    (now.getTime() - normal.queuedAt.getTime()) / 60000 >=
    rules.normalMaxWaitMinutes
  )
    return 'normal';
  if (streak >= rules.priorityStreakCap) return 'normal';
  return 'priority';
}

/** A window's streak of priority calls after it calls `pick` (as call_next sets it). */
export function streakAfter(
  streak: number,
  pick: 'normal' | 'priority',
): number {
  return pick === 'priority' ? streak + 1 : 0;
}
