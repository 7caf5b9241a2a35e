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
});
