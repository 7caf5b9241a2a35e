import type { ErrorBody } from '@onewindow/contracts';

/** An answer that is not a success; status 0: the API could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** seconds the server asked to wait (429, 503) */
    readonly retryAfterSeconds: number | null = null,
    readonly body: ErrorBody | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get unreachable(): boolean {
    return this.status === 0;
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  /** give up after this many milliseconds (then: unreachable) */
  timeoutMs?: number;
}

/**
 * One call of the OneWindow API (`/api/v1` + path), JSON in and out. Resolves with the body (null
 * for 204); rejects with an ApiError carrying the status, the server's message and Retry-After.
 */
export async function api<T>(path: string, req: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(req.token ? { Authorization: `Bearer ${req.token}` } : {}),
    ...req.headers,
  };
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), req.timeoutMs ?? 15_000);
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      cache: 'no-store',
      signal: abort.signal,
    });
  } catch (e) {
    throw new ApiError(0, (e as Error).message);
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 204) return null as T;
  const body = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return body as T;
  const retry = Number(res.headers.get('Retry-After'));
  const error = body as ErrorBody | null;
  throw new ApiError(
    res.status,
    error?.message ?? `HTTP ${res.status}`,
    Number.isFinite(retry) && retry > 0 ? retry : null,
    error,
  );
}
