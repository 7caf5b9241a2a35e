import { openEventStream, type StreamMessage } from './event-stream';

/** A fetch answer whose body streams the given chunks. */
function streamResponse(chunks: string[], status = 200): Response {
  const encoder = new TextEncoder();
  let i = 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => ({ message: 'Unknown or revoked device token' }),
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

/** A fetch answer that sends the chunks, then stays silent until its request is aborted. */
function silentResponse(chunks: string[], signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let i = 0;
  return {
    ok: true,
    status: 200,
    json: async () => ({}),
    body: {
      getReader: () => ({
        read: () =>
          i < chunks.length
            ? Promise.resolve({
                done: false,
                value: encoder.encode(chunks[i++]),
              })
            : new Promise((_, reject) =>
                signal.addEventListener('abort', () =>
                  reject(new DOMException('aborted', 'AbortError')),
                ),
              ),
      }),
    },
  } as unknown as Response;
}

const settle = async (n = 10) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('openEventStream', () => {
  it('resumes after the given event, and after a break from the last event seen', async () => {
    const calls: Record<string, string>[] = [];
    const answers = [
      streamResponse([
        'retry: 1\n\n',
        'id: 12\nevent: ticket.called\ndata: {}\n\n',
      ]),
      streamResponse(['id: 13\nevent: ticket.issued\ndata: {}\n\n']),
    ];
    const seen: StreamMessage[] = [];
    const close = openEventStream(
      {
        url: '/api/v1/halls/h/events',
        headers: () => ({ Authorization: 'Bearer owd_x' }),
        lastEventId: '11',
        fetch: async (_url, init) => {
          calls.push(init?.headers as Record<string, string>);
          return answers.shift() ?? new Promise<Response>(() => undefined);
        },
      },
      (m) => seen.push(m),
    );
    await settle();
    await new Promise((r) => setTimeout(r, 20));
    await settle();
    close();
    expect(calls.map((h) => h['Last-Event-ID'])).toEqual(['11', '12', '13']);
    expect(calls[0]['Authorization']).toBe('Bearer owd_x');
    expect(seen.map((m) => m.kind)).toEqual([
      'open',
      'event',
      'reconnecting',
      'open',
      'event',
      'reconnecting',
    ]);
  });

  it('reports a refusal without retrying, and no credentials as 401', async () => {
    const seen: StreamMessage[] = [];
    let fetches = 0;
    openEventStream(
      {
        url: '/x',
        headers: () => ({ Authorization: 'Bearer owd_revoked' }),
        fetch: async () => {
          fetches++;
          return streamResponse([], 401);
        },
      },
      (m) => seen.push(m),
    );
    openEventStream({ url: '/x', headers: () => null, fetch: fetch }, (m) =>
      seen.push(m),
    );
    await settle();
    expect(fetches).toBe(1);
    expect(seen).toEqual([
      { kind: 'refused', status: 401, message: null },
      {
        kind: 'refused',
        status: 401,
        message: 'Unknown or revoked device token',
      },
    ]);
  });

  it('breaks a connection gone silent and resumes from the last event', async () => {
    const lastIds: (string | undefined)[] = [];
    const seen: string[] = [];
    const close = openEventStream(
      {
        url: '/x',
        headers: () => ({}),
        idleTimeoutMs: 30,
        connectivity: null,
        fetch: async (_url, init) => {
          lastIds.push(
            (init?.headers as Record<string, string>)['Last-Event-ID'],
          );
          return silentResponse(
            lastIds.length === 1 ? ['retry: 1\n\n', 'id: 7\ndata: {}\n\n'] : [],
            init?.signal as AbortSignal,
          );
        },
      },
      (m) => seen.push(m.kind),
    );
    await new Promise((r) => setTimeout(r, 100));
    close();
    expect(seen.slice(0, 4)).toEqual(['open', 'event', 'reconnecting', 'open']);
    expect(lastIds.slice(0, 2)).toEqual([undefined, '7']);
  });

  it('breaks at once when the browser goes offline and reconnects at once when it is back', async () => {
    const connectivity = new EventTarget();
    let fetches = 0;
    const seen: StreamMessage[] = [];
    const close = openEventStream(
      {
        url: '/x',
        headers: () => ({}),
        idleTimeoutMs: 0,
        connectivity,
        fetch: async (_url, init) => {
          fetches++;
          return silentResponse([], init?.signal as AbortSignal);
        },
      },
      (m) => seen.push(m),
    );
    await settle();
    connectivity.dispatchEvent(new Event('offline'));
    await settle();
    // the default delay (3 s) is not waited out once the network is back
    expect(seen.map((m) => m.kind)).toEqual(['open', 'reconnecting']);
    connectivity.dispatchEvent(new Event('online'));
    await settle();
    close();
    expect(fetches).toBe(2);
    expect(seen.map((m) => m.kind)).toEqual(['open', 'reconnecting', 'open']);
  });
});
