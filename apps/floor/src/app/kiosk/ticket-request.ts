import type { TicketPriority, TicketView } from '@onewindow/contracts';

export interface IssueBody {
  serviceItemCode: string;
  priority: TicketPriority;
}

/** A new Idempotency-Key (works on plain-http hall networks, where crypto.randomUUID does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `kiosk-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * One citizen's ticket request at the kiosk. Every try for the same choice (item and priority)
 * carries the same Idempotency-Key, so a double tap, a retry after a network error or after a 503
 * can never print two tickets: the API answers the ticket it issued the first time. A tap while a
 * try is under way joins that try. Another choice, or `reset()` once the ticket is shown, starts a
 * new request with a new key.
 */
export class TicketRequest {
  private key: string | null = null;
  private choice: string | null = null;
  private inFlight: Promise<TicketView> | null = null;

  constructor(private readonly newKey: () => string = newIdempotencyKey) {}

  issue(
    body: IssueBody,
    send: (body: IssueBody, key: string) => Promise<TicketView>,
  ): Promise<TicketView> {
    const choice = `${body.serviceItemCode}|${body.priority}`;
    if (choice !== this.choice || !this.key) {
      if (this.inFlight) return this.inFlight;
      this.choice = choice;
      this.key = this.newKey();
    }
    if (!this.inFlight) {
      const key = this.key;
      this.inFlight = send(body, key).finally(() => (this.inFlight = null));
    }
    return this.inFlight;
  }

  /** The ticket is in the citizen's hand: the next request is a new one. */
  reset(): void {
    this.key = null;
    this.choice = null;
  }

  get currentKey(): string | null {
    return this.key;
  }
}
