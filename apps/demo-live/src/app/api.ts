/**
 * A small client of OneWindow's HTTP contract, as a kiosk, a clerk's console or a sensor uses it:
 * JSON, a bearer token, 503 and 429 retried after their Retry-After (the server did nothing),
 * everything else answered as it came. The simulator talks to the API through this only.
 */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const message =
      body && typeof body === 'object' && 'message' in body
        ? String((body as { message: unknown }).message)
        : '';
    super(`${method} ${path} → ${status}${message ? `: ${message}` : ''}`);
  }
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Also retry after a network error (only where a retry cannot act twice: GETs, and a ticket
   * issue with its Idempotency-Key).
   */
  retryNetwork?: boolean;
  /** Statuses answered without throwing (e.g. 204, 409). */
  accept?: number[];
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const MAX_ATTEMPTS = 8;

export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly stopped: () => boolean = () => false,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(options.headers ?? {}),
    };
    if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined)
      headers['Content-Type'] = 'application/json';
    const retryNetwork = options.retryNetwork ?? method === 'GET';
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await this.fetchFn(`${this.baseUrl}/api/v1${path}`, {
          method,
          headers,
          body:
            options.body === undefined
              ? undefined
              : JSON.stringify(options.body),
        });
      } catch (e) {
        if (!retryNetwork || attempt >= MAX_ATTEMPTS || this.stopped()) throw e;
        await pause(backoffMs(attempt));
        continue;
      }
      const text = await res.text();
      const body = text ? (JSON.parse(text) as T) : (undefined as T);
      if (
        RETRY_STATUSES.has(res.status) &&
        attempt < MAX_ATTEMPTS &&
        !this.stopped()
      ) {
        const after = Number(res.headers.get('Retry-After'));
        await pause(
          Number.isFinite(after) && after > 0
            ? Math.min(after, 30) * 1000
            : backoffMs(attempt),
        );
        continue;
      }
      if (res.ok || options.accept?.includes(res.status))
        return { status: res.status, body };
      throw new ApiError(method, path, res.status, body);
    }
  }

  get<T>(path: string, token: string): Promise<T> {
    return this.request<T>('GET', path, { token }).then((a) => a.body);
  }

  post<T>(path: string, token: string | undefined, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, { token, body }).then((a) => a.body);
  }

  /** POST /auth/login → the access token. */
  async login(username: string, password: string): Promise<string> {
    const { body } = await this.request<{ accessToken: string }>(
      'POST',
      '/auth/login',
      { body: { username, password }, retryNetwork: true },
    );
    return body.accessToken;
  }
}

function backoffMs(attempt: number): number {
  return Math.min(500 * 2 ** (attempt - 1), 8_000);
}

function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
