import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import type { QueueSnapshot } from '@onewindow/contracts';
import { Observable } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { SseEvent, SseParser } from './sse-parser';

/** The fetch the live stream uses (tests give a fake one). */
export const LIVE_FETCH = new InjectionToken<typeof fetch>('LIVE_FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => globalThis.fetch(input, init),
});

/** Wait before reconnecting when the server asked for none (ms). */
export const DEFAULT_RETRY_MS = 3000;

export type LiveMessage =
  | { kind: 'open' }
  | { kind: 'event'; event: SseEvent }
  /** the stream broke; it reconnects after `retryMs` */
  | { kind: 'reconnecting'; retryMs: number }
  /** the server refused the stream (401/403/404): no retry */
  | { kind: 'refused'; status: number; message: string | null };

/**
 * The live queue of a hall: the snapshot (GET /halls/{id}/queue) and its event stream
 * (GET /halls/{id}/events). EventSource cannot send the bearer token, so the stream is read with
 * fetch and parsed here; after a break it reconnects with Last-Event-ID, so no event is lost.
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
    return new Observable<LiveMessage>((subscriber) => {
      const parser = new SseParser();
      let abort: AbortController | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let closed = false;

      const schedule = () => {
        if (closed) return;
        const retryMs = parser.retry ?? DEFAULT_RETRY_MS;
        subscriber.next({ kind: 'reconnecting', retryMs });
        timer = setTimeout(connect, retryMs);
      };

      const connect = async () => {
        timer = null;
        abort = new AbortController();
        const token = this.auth.token();
        if (!token) {
          subscriber.next({ kind: 'refused', status: 401, message: null });
          return;
        }
        const headers: Record<string, string> = {
          Accept: 'text/event-stream',
          Authorization: `Bearer ${token}`,
        };
        if (parser.lastEventId) headers['Last-Event-ID'] = parser.lastEventId;
        try {
          const res = await this.fetchFn(
            `/api/v1/halls/${encodeURIComponent(hallId)}/events`,
            { headers, signal: abort.signal, cache: 'no-store' },
          );
          if (res.status === 401 || res.status === 403 || res.status === 404) {
            const body = (await res.json().catch(() => null)) as {
              message?: string;
            } | null;
            subscriber.next({
              kind: 'refused',
              status: res.status,
              message: body?.message ?? null,
            });
            return;
          }
          if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
          subscriber.next({ kind: 'open' });
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            for (const event of parser.push(
              decoder.decode(value, { stream: true }),
            ))
              subscriber.next({ kind: 'event', event });
          }
          schedule();
        } catch {
          schedule();
        }
      };

      void connect();
      return () => {
        closed = true;
        if (timer) clearTimeout(timer);
        abort?.abort();
      };
    });
  }
}
