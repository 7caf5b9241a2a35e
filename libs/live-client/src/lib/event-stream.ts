import { SseEvent, SseParser } from './sse-parser';

/** Wait before reconnecting when the server asked for none (ms). */
export const DEFAULT_RETRY_MS = 3000;

export type StreamMessage =
  | { kind: 'open' }
  | { kind: 'event'; event: SseEvent }
  /** the stream broke; it reconnects after `retryMs` */
  | { kind: 'reconnecting'; retryMs: number }
  /** the server refused the stream (401/403/404), or there were no credentials: no retry */
  | { kind: 'refused'; status: number; message: string | null };

export interface EventStreamOptions {
  url: string;
  /** Headers of each (re)connection, e.g. the bearer token; null: no credentials (refused, 401). */
  headers: () => Record<string, string> | null;
  /** Resume after this event (the `lastEventId` of a snapshot); later reconnects use the last one seen. */
  lastEventId?: string | null;
  fetch?: typeof fetch;
  /**
   * Treat the stream as broken when nothing (not even the server's keep-alive comment, every 15 s by
   * default) arrived for this long: a dropped network often leaves a silent connection, not an error.
   * 0: never. Default 40 s.
   */
  idleTimeoutMs?: number;
  /**
   * Where to hear the browser's `offline`/`online` events (default: `window` when there is one):
   * offline breaks the stream at once, online reconnects at once instead of waiting out the delay.
   */
  connectivity?: Pick<
    EventTarget,
    'addEventListener' | 'removeEventListener'
  > | null;
}

/** Default of {@link EventStreamOptions.idleTimeoutMs}: a little over two keep-alives. */
export const DEFAULT_IDLE_TIMEOUT_MS = 40_000;

/**
 * Reads a server-sent event stream with fetch and keeps it open: after a break it reconnects with
 * Last-Event-ID (the server then first sends every event missed), after the delay the server asked
 * for. Returns the function that closes it for good.
 */
export function openEventStream(
  options: EventStreamOptions,
  onMessage: (m: StreamMessage) => void,
): () => void {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const parser = new SseParser();
  parser.lastEventId = options.lastEventId ?? null;
  let abort: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const connectivity =
    options.connectivity === undefined
      ? typeof window === 'undefined'
        ? null
        : window
      : options.connectivity;

  const clearIdle = () => {
    if (idle) clearTimeout(idle);
    idle = null;
  };
  /** (Re)arms the watchdog that breaks a connection gone silent. */
  const heard = (current: AbortController) => {
    clearIdle();
    if (idleTimeoutMs > 0)
      idle = setTimeout(() => current.abort(), idleTimeoutMs);
  };

  const schedule = () => {
    clearIdle();
    if (closed) return;
    const retryMs = parser.retry ?? DEFAULT_RETRY_MS;
    onMessage({ kind: 'reconnecting', retryMs });
    timer = setTimeout(connect, retryMs);
  };

  const onOffline = () => abort?.abort();
  const onOnline = () => {
    if (!timer || closed) return;
    clearTimeout(timer);
    void connect();
  };
  connectivity?.addEventListener('offline', onOffline);
  connectivity?.addEventListener('online', onOnline);

  const connect = async () => {
    timer = null;
    if (closed) return;
    const current = new AbortController();
    abort = current;
    const extra = options.headers();
    if (!extra) {
      onMessage({ kind: 'refused', status: 401, message: null });
      return;
    }
    const headers: Record<string, string> = {
      Accept: 'text/event-stream',
      ...extra,
    };
    if (parser.lastEventId) headers['Last-Event-ID'] = parser.lastEventId;
    try {
      const res = await fetchFn(options.url, {
        headers,
        signal: current.signal,
        cache: 'no-store',
      });
      if (res.status === 401 || res.status === 403 || res.status === 404) {
        const body = (await res.json().catch(() => null)) as {
          message?: string;
        } | null;
        onMessage({
          kind: 'refused',
          status: res.status,
          message: body?.message ?? null,
        });
        return;
      }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      onMessage({ kind: 'open' });
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      heard(current);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        heard(current);
        for (const event of parser.push(
          decoder.decode(value, { stream: true }),
        ))
          if (!closed) onMessage({ kind: 'event', event });
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
    clearIdle();
    connectivity?.removeEventListener('offline', onOffline);
    connectivity?.removeEventListener('online', onOnline);
    abort?.abort();
  };
}
