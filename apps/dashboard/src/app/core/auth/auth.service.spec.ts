import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  loginResponse,
  storeSession,
  testProviders,
  testUser,
} from '../../../testing/test-providers';
import { AuthService, LOGIN_URL, SESSION_STORAGE_KEY } from './auth.service';

describe('AuthService', () => {
  let http: HttpTestingController;

  function create(): AuthService {
    TestBed.configureTestingModule({ providers: testProviders() });
    http = TestBed.inject(HttpTestingController);
    return TestBed.inject(AuthService);
  }

  beforeEach(() => sessionStorage.clear());
  afterEach(() => http.verify());

  it('logs in, keeps the token in sessionStorage and exposes the user', () => {
    const auth = create();
    const user = testUser('hall_manager', { hallId: 'h1' });
    let result: unknown;
    auth
      .login({ username: 'fuyang-manager', password: 'pw' })
      .subscribe((u) => (result = u));

    const req = http.expectOne(LOGIN_URL);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      username: 'fuyang-manager',
      password: 'pw',
    });
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(loginResponse(user, 3600));

    expect(result).toEqual(user);
    expect(auth.user()).toEqual(user);
    expect(auth.role()).toBe('hall_manager');
    expect(auth.token()).toBe('token-of-hall_manager');
    expect(auth.hasRole(['hall_manager', 'admin'])).toBe(true);
    expect(auth.hasRole(['reform_office'])).toBe(false);
    const stored = JSON.parse(
      sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null',
    );
    expect(stored.accessToken).toBe('token-of-hall_manager');
    expect(stored.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it('restores a stored session', () => {
    storeSession(testUser('clerk', { hallId: 'h1' }));
    const auth = create();
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.user()?.hallId).toBe('h1');
  });

  it('drops an expired session', () => {
    storeSession(testUser('clerk'), Date.now() - 1000);
    const auth = create();
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.user()).toBeNull();
  });

  it('ignores a malformed stored session', () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, '{"accessToken": 1');
    expect(create().isAuthenticated()).toBe(false);
  });

  it('logs out', () => {
    storeSession(testUser('admin'));
    const auth = create();
    auth.logout();
    expect(auth.user()).toBeNull();
    expect(auth.token()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('stores nothing when the login fails', () => {
    const auth = create();
    let status = 0;
    auth
      .login({ username: 'a', password: 'b' })
      .subscribe({ error: (e: { status: number }) => (status = e.status) });
    http
      .expectOne(LOGIN_URL)
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'bad credentials' },
        { status: 401, statusText: 'Unauthorized' },
      );
    expect(status).toBe(401);
    expect(auth.user()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
