import type { LoginResponse, UserView } from '@onewindow/contracts';
import { ApiError } from '../core/api';
import {
  accessProblem,
  clearSession,
  describeError,
  describeLoginError,
  loadSession,
  loadWindowChoice,
  saveSession,
  saveWindowChoice,
  sessionFromLogin,
} from './session';

const user = (over: Partial<UserView> = {}): UserView => ({
  id: 'u1',
  username: 'clerk1',
  role: 'clerk',
  hallId: 'h1',
  ...over,
});

describe('who may run a counter', () => {
  it('clerks, managers and admins with a hall; says why not otherwise', () => {
    expect(accessProblem(user())).toBeNull();
    expect(accessProblem(user({ role: 'hall_manager' }))).toBeNull();
    expect(accessProblem(user({ role: 'admin' }))).toBeNull();
    expect(accessProblem(user({ role: 'admin', hallId: undefined }))).toEqual({
      key: 'noHall',
    });
    expect(
      accessProblem(user({ role: 'reform_office', hallId: undefined })),
    ).toEqual({ key: 'wrongRole' });
  });
});

describe('the session in sessionStorage', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the token until it runs out', () => {
    const res: LoginResponse = {
      accessToken: 'jwt',
      expiresIn: 3600,
      user: user(),
    };
    const s = sessionFromLogin(res, 1000);
    expect(s.expiresAt).toBe(1000 + 3_600_000);
    saveSession(sessionStorage, s);
    expect(loadSession(sessionStorage, 2000)).toEqual(s);
    expect(loadSession(sessionStorage, s.expiresAt + 1)).toBeNull();
    // an expired session is dropped
    expect(sessionStorage.length).toBe(0);
  });

  it('ignores what it cannot read, and forgets on sign-out', () => {
    sessionStorage.setItem('ow.counter.session', '{not json');
    expect(loadSession(sessionStorage, 0)).toBeNull();
    sessionStorage.setItem('ow.counter.session', JSON.stringify({ token: 1 }));
    expect(loadSession(sessionStorage, 0)).toBeNull();
    saveSession(sessionStorage, { token: 'x', user: user(), expiresAt: 10 });
    clearSession(sessionStorage);
    expect(loadSession(sessionStorage, 0)).toBeNull();
    expect(loadSession(null, 0)).toBeNull();
  });
});

describe('the window choice', () => {
  it('is remembered per hall and person', () => {
    localStorage.clear();
    saveWindowChoice(localStorage, 'h1', 'u1', 'w5');
    expect(loadWindowChoice(localStorage, 'h1', 'u1')).toBe('w5');
    expect(loadWindowChoice(localStorage, 'h1', 'u2')).toBeNull();
    expect(loadWindowChoice(localStorage, 'h2', 'u1')).toBeNull();
  });
});

describe('errors in words', () => {
  it('unreachable, unavailable and rate limits with their wait, forbidden', () => {
    expect(describeError(new ApiError(0, 'Failed to fetch'))).toEqual({
      key: 'unreachable',
    });
    expect(describeError(new ApiError(503, 'x', 30))).toEqual({
      key: 'unavailable',
      params: { s: 30 },
    });
    expect(describeError(new ApiError(503, 'x'))).toEqual({
      key: 'unavailableSoon',
    });
    expect(describeError(new ApiError(429, 'x', 5))).toEqual({
      key: 'rateLimited',
      params: { s: 5 },
    });
    expect(describeError(new ApiError(403, 'x'))).toEqual({ key: 'forbidden' });
    expect(describeError(new ApiError(500, 'x'))).toEqual({
      key: 'failed',
      params: { status: 500 },
    });
  });

  it('a refused sign-in: wrong password, too many attempts', () => {
    expect(
      describeLoginError(new ApiError(401, 'Invalid credentials')),
    ).toEqual({ key: 'badCredentials' });
    expect(describeLoginError(new ApiError(429, 'x', 60))).toEqual({
      key: 'loginRateLimited',
      params: { s: 60 },
    });
    expect(describeLoginError(new ApiError(0, 'x'))).toEqual({
      key: 'unreachable',
    });
  });
});
