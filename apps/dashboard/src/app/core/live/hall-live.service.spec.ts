import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  settle,
  storeSession,
  testProviders,
  testUser,
} from '../../../testing/test-providers';
import { HallLiveService, LIVE_FETCH, LiveMessage } from './hall-live.service';

/** A fetch answer whose body streams the given chunks. */
export function streamResponse(chunks: string[], status = 200): Response {
  const encoder = new TextEncoder();
  let i = 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => ({ message: 'This hall is outside your scope' }),
    body: {
      getReader: () => ({
        read: async () =>
          i < chunks.length
            ? { done: false, value: encoder.encode(chunks[i++]) }
            : { done: true, value: undefined },
      }),
    },
  } as unknown as Response;
}

describe('HallLiveService', () => {
  let calls: { url: string; headers: Record<string, string> }[];
  let answers: Response[];

  function setUp(): HallLiveService {
    sessionStorage.clear();
    storeSession(testUser('hall_manager', { hallId: 'h1' }));
    calls = [];
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        {
          provide: LIVE_FETCH,
          useValue: (url: string, init: RequestInit) => {
            calls.push({
              url,
              headers: init.headers as Record<string, string>,
            });
            const next = answers.shift();
            return next
              ? Promise.resolve(next)
              : new Promise<Response>(() => undefined);
          },
        },
      ],
    });
    return TestBed.inject(HallLiveService);
  }

  it('reads the stream with the bearer token and passes its events on', async () => {
    answers = [
      streamResponse([
        'retry: 5\n: connected\n\n',
        'id: 7\nevent: ticket.issued\ndata: {"id":"t1"}\n\n',
      ]),
    ];
    const live = setUp();
    const seen: LiveMessage[] = [];
    const sub = live.events('h1').subscribe((m) => seen.push(m));
    await settle(5);
    expect(calls[0].url).toBe('/api/v1/halls/h1/events');
    expect(calls[0].headers['Authorization']).toBe(
      'Bearer token-of-hall_manager',
    );
    expect(seen.slice(0, 2)).toEqual([
      { kind: 'open' },
      {
        kind: 'event',
        event: { id: '7', event: 'ticket.issued', data: '{"id":"t1"}' },
      },
    ]);
    // the stream ended: it reconnects after the server's retry, resuming after event 7
    expect(seen[2]).toEqual({ kind: 'reconnecting', retryMs: 5 });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls[1].headers['Last-Event-ID']).toBe('7');
    sub.unsubscribe();
  });

  it('stops on a 403 with the API message', async () => {
    answers = [streamResponse([], 403)];
    const live = setUp();
    const seen: LiveMessage[] = [];
    live.events('h2').subscribe((m) => seen.push(m));
    await settle(5);
    expect(seen).toEqual([
      {
        kind: 'refused',
        status: 403,
        message: 'This hall is outside your scope',
      },
    ]);
    expect(calls).toHaveLength(1);
  });

  it('reads the snapshot', () => {
    answers = [];
    const live = setUp();
    const snap = { hallId: 'h1', waiting: 3 };
    let got: unknown;
    live.snapshot('h1').subscribe((s) => (got = s));
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/halls/h1/queue')
      .flush(snap);
    expect(got).toEqual(snap);
  });
});
