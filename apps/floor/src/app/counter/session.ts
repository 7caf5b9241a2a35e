import type { LoginResponse, UserView } from '@onewindow/contracts';
import type { ApiError } from '../core/api';
import type { Msg } from './messages';

/** A signed-in clerk: the bearer token, who it is, when it runs out (ms since the epoch). */
export interface CounterSession {
  token: string;
  user: UserView;
  expiresAt: number;
}

const SESSION_KEY = 'ow.counter.session';

/** Who may run a counter: clerks, hall managers and admins, each with a hall. */
const COUNTER_ROLES: readonly string[] = ['clerk', 'hall_manager', 'admin'];

export function sessionFromLogin(
  res: LoginResponse,
  now: number,
): CounterSession {
  return {
    token: res.accessToken,
    user: res.user,
    expiresAt: now + res.expiresIn * 1000,
  };
}

/** Why this person cannot run a counter (a message), or null when they can. */
export function accessProblem(user: UserView): Msg | null {
  if (!COUNTER_ROLES.includes(user.role)) return { key: 'wrongRole' };
  if (!user.hallId) return { key: 'noHall' };
  return null;
}

/**
 * The session kept in the tab's sessionStorage (closing the browser signs out); null when there
 * is none, it cannot be read, it ran out, or its person cannot run a counter.
 */
export function loadSession(
  storage: Storage | null,
  now: number,
): CounterSession | null {
  try {
    const raw = storage?.getItem(SESSION_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<CounterSession>;
    if (
      typeof s.token !== 'string' ||
      !s.user ||
      typeof s.expiresAt !== 'number'
    )
      return null;
    if (s.expiresAt <= now || accessProblem(s.user)) {
      storage?.removeItem(SESSION_KEY);
      return null;
    }
    return s as CounterSession;
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage | null, s: CounterSession): void {
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(s));
  } catch {
    /* private mode: the session lasts this page */
  }
}

export function clearSession(storage: Storage | null): void {
  try {
    storage?.removeItem(SESSION_KEY);
  } catch {
    /* nothing stored */
  }
}

/** Where the device remembers a person's window in a hall (localStorage). */
export function windowChoiceKey(hallId: string, userId: string): string {
  return `ow.counter.window.${hallId}.${userId}`;
}

export function loadWindowChoice(
  storage: Storage | null,
  hallId: string,
  userId: string,
): string | null {
  try {
    return storage?.getItem(windowChoiceKey(hallId, userId)) ?? null;
  } catch {
    return null;
  }
}

export function saveWindowChoice(
  storage: Storage | null,
  hallId: string,
  userId: string,
  windowId: string,
): void {
  try {
    storage?.setItem(windowChoiceKey(hallId, userId), windowId);
  } catch {
    /* private mode: chosen again next time */
  }
}

/** Browser storage, or null where it is blocked. */
export function storageOf(kind: 'session' | 'local'): Storage | null {
  try {
    return kind === 'session' ? sessionStorage : localStorage;
  } catch {
    return null;
  }
}

/**
 * A failed call in words (never the server's English): unreachable, busy (with Retry-After),
 * not allowed… 401 and 409 are the caller's to handle (sign-in, conflict explanation).
 */
export function describeError(e: ApiError): Msg {
  const s = e.retryAfterSeconds;
  switch (e.status) {
    case 0:
      return { key: 'unreachable' };
    case 503:
      return s
        ? { key: 'unavailable', params: { s } }
        : { key: 'unavailableSoon' };
    case 429:
      return s
        ? { key: 'rateLimited', params: { s } }
        : { key: 'rateLimitedSoon' };
    case 403:
      return { key: 'forbidden' };
    case 404:
      return { key: 'notFound' };
    case 400:
      return { key: 'badRequest' };
    default:
      return { key: 'failed', params: { status: e.status } };
  }
}

/** A failed sign-in in words. */
export function describeLoginError(e: ApiError): Msg {
  if (e.status === 401) return { key: 'badCredentials' };
  if (e.status === 429)
    return e.retryAfterSeconds
      ? { key: 'loginRateLimited', params: { s: e.retryAfterSeconds } }
      : { key: 'loginRateLimitedSoon' };
  if (e.status === 400) return { key: 'loginMissing' };
  return describeError(e);
}
