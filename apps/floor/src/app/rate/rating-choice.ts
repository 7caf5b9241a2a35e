import type { TicketView } from '@onewindow/contracts';
import type { SseEvent } from '@onewindow/live-client';

/** A ticket may be rated this long after its completion (the API's limit). */
export const RATING_WINDOW_MS = 10 * 60_000;

/**
 * The ticket a completion event asks the pad to rate: a ticket completed as done at this pad's
 * window within the last ten minutes and not rated yet (a clerk may have entered a rating); null
 * for anything else.
 */
export function ratable(
  event: SseEvent,
  windowId: string,
  now: number,
): TicketView | null {
  if (event.event !== 'ticket.completed') return null;
  let t: TicketView;
  try {
    t = JSON.parse(event.data) as TicketView;
  } catch {
    return null;
  }
  if (!t || typeof t !== 'object' || typeof t.id !== 'string') return null;
  if (t.windowId !== windowId || t.state !== 'done') return null;
  if (t.rating !== undefined && t.rating !== null) return null;
  const completedAt = Date.parse(t.completedAt ?? '');
  if (!Number.isFinite(completedAt) || now - completedAt > RATING_WINDOW_MS)
    return null;
  return t;
}

/**
 * Which completed ticket the pad asks about. Each ticket is offered once (a stream that
 * reconnects may deliver a completion again); a newer completion replaces the one being asked
 * about; one older than the newest offered so far is never asked about (the citizen at the window
 * now is the newest one's).
 */
export class RatingChooser {
  private readonly offered = new Set<string>();
  private current: TicketView | null = null;
  private newest = 0;

  constructor(private readonly windowId: string) {}

  /** The ticket being asked about, if any. */
  get asking(): TicketView | null {
    return this.current;
  }

  /** Takes an event of the hall's stream; returns the ticket to ask about now when it changes. */
  offer(event: SseEvent, now: number): TicketView | null {
    const t = ratable(event, this.windowId, now);
    if (!t || this.offered.has(t.id)) return null;
    this.offered.add(t.id);
    if (completion(t) < this.newest) return null;
    this.newest = completion(t);
    this.current = t;
    return t;
  }

  /** The ticket `id` is settled (rated, skipped, timed out): it is not asked about again. */
  done(id: string): void {
    if (this.current?.id === id) this.current = null;
  }

  /** Whether the ticket asked about can still be rated at `now`. */
  stillOpen(now: number): boolean {
    return !!this.current && now - completion(this.current) <= RATING_WINDOW_MS;
  }
}

function completion(t: TicketView): number {
  return Date.parse(t.completedAt ?? '') || 0;
}
