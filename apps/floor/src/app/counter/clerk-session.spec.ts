import { ClerkSession } from './clerk-session';

const NOW = Date.parse('2026-12-03T01:00:00.000Z');

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
    key: () => null,
    get length() {
      return data.size;
    },
  };
}

describe('ClerkSession', () => {
  const realFetch = globalThis.fetch;
  let store: Storage;
  let sent: { url: string; body: unknown; auth: string | null }[];
  let answer: { status: number; body: unknown };

  beforeEach(() => {
    store = memoryStorage();
    sent = [];
    answer = {
      status: 200,
      body: {
        accessToken: 'jwt-1',
        expiresIn: 3600,
        user: { id: 'u1', username: 'clerk1', role: 'clerk', hallId: 'h 1' },
      },
    };
    globalThis.fetch = (async (url: string, init: RequestInit = {}) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      sent.push({
        url,
        body: init.body ? JSON.parse(String(init.body)) : undefined,
        auth: headers['Authorization'] ?? null,
      });
      return {
        ok: answer.status < 300,
        status: answer.status,
        headers: { get: () => null },
        json: async () => answer.body,
      } as unknown as Response;
    }) as typeof fetch;
  });

  afterEach(() => (globalThis.fetch = realFetch));

  it('asks for both fields before calling the API', async () => {
    const clerk = new ClerkSession(store, () => NOW);
    expect(await clerk.signIn('  ', 'secret')).toBe(false);
    expect(clerk.error()).toEqual({ key: 'loginMissing' });
    expect(sent).toEqual([]);
  });

  it('signs in with the trimmed name, keeps the session, and calls the API with the token', async () => {
    const clerk = new ClerkSession(store, () => NOW);
    expect(await clerk.signIn(' clerk1 ', 'secret')).toBe(true);
    expect(sent[0].body).toEqual({ username: 'clerk1', password: 'secret' });
    expect(clerk.session()?.expiresAt).toBe(NOW + 3600_000);
    expect(clerk.signingIn()).toBe(false);
    expect(clerk.hallPath).toBe('/halls/h%201');
    await clerk.call('/halls/h%201');
    expect(sent[1].auth).toBe('Bearer jwt-1');

    const again = new ClerkSession(store, () => NOW + 1000);
    expect(again.restore()).toBe(true);
    expect(again.session()?.token).toBe('jwt-1');
  });

  it('turns away who may not run a counter, and says why a sign-in failed', async () => {
    answer.body = {
      accessToken: 'jwt-2',
      expiresIn: 3600,
      user: { id: 'u2', username: 'viewer', role: 'viewer', hallId: 'h1' },
    };
    const clerk = new ClerkSession(store, () => NOW);
    expect(await clerk.signIn('viewer', 'secret')).toBe(false);
    expect(clerk.error()).toEqual({ key: 'wrongRole' });
    expect(clerk.session()).toBeNull();
    answer = { status: 401, body: { message: 'Invalid credentials' } };
    expect(await clerk.signIn('clerk1', 'wrong')).toBe(false);
    expect(clerk.error()).toEqual({ key: 'badCredentials' });
    expect(new ClerkSession(store, () => NOW).restore()).toBe(false);
  });

  it('signs out, saying why, and forgets the kept session', async () => {
    const clerk = new ClerkSession(store, () => NOW);
    await clerk.signIn('clerk1', 'secret');
    clerk.signOut({ key: 'sessionExpired' });
    expect(clerk.session()).toBeNull();
    expect(clerk.error()).toEqual({ key: 'sessionExpired' });
    expect(new ClerkSession(store, () => NOW).restore()).toBe(false);
  });
});
