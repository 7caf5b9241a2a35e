/**
 * A hall's queue rules: how its windows mix the green channel (priority and appointment tickets)
 * with normal tickets. A window calls priority tickets first, but after `priorityStreakCap`
 * priority calls in a row it calls its oldest normal ticket, and a normal ticket that has waited
 * `normalMaxWaitMinutes` goes before any priority one.
 */

/** The values a hall's queue rules may take (whole numbers, inclusive). */
export const QUEUE_RULE_LIMITS = {
  priorityStreakCap: { min: 1, max: 20 },
  normalMaxWaitMinutes: { min: 5, max: 480 },
} as const;

/** `GET`/`PUT /halls/{hallId}/queue-rules`: the hall's queue rules. */
export interface HallQueueRules {
  hallId: string;
  /** After this many priority calls in a row at a window, its oldest normal ticket goes next. */
  priorityStreakCap: number;
  /** A normal ticket that has waited this many minutes is called before any priority ticket. */
  normalMaxWaitMinutes: number;
}

/**
 * `PUT /halls/{hallId}/queue-rules`: both fields required, whole numbers within
 * QUEUE_RULE_LIMITS (priorityStreakCap 1–20, normalMaxWaitMinutes 5–480).
 */
export interface SetQueueRulesRequest {
  priorityStreakCap: number;
  normalMaxWaitMinutes: number;
}
