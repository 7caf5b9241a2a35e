import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import type { QueueSnapshot } from '@onewindow/contracts';
import { openEventStream, type StreamMessage } from '@onewindow/live-client';
import { Observable } from 'rxjs';
import { AuthService } from '../auth/auth.service';

/** The fetch the live stream uses (tests give a fake one). */
export const LIVE_FETCH = new InjectionToken<typeof fetch>('LIVE_FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => globalThis.fetch(input, init),
});

export type LiveMessage = StreamMessage;

/**
 * The live queue of a hall: the snapshot (GET /halls/{id}/queue) and its event stream
 * (GET /halls/{id}/events), read by the shared live client (fetch, so the bearer token can be
 * sent; after a break it reconnects with Last-Event-ID, so no event is lost).
 */
@Injectable({ providedIn: 'root' })
export class HallLiveService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly fetchFn = inject(LIVE_FETCH);

  snapshot(hallId: string): Observable<QueueSnapshot> {
    return this.http.get<QueueSnapshot>(
      `/api/v1/halls/${encodeURIComponent(hallId)}/queue`,
    );
  }

  events(hallId: string): Observable<LiveMessage> {
    return new Observable<LiveMessage>((subscriber) =>
      openEventStream(
        {
          url: `/api/v1/halls/${encodeURIComponent(hallId)}/events`,
          headers: () => {
            const token = this.auth.token();
            return token ? { Authorization: `Bearer ${token}` } : null;
          },
          fetch: this.fetchFn,
        },
        (m) => subscriber.next(m),
      ),
    );
  }
}
