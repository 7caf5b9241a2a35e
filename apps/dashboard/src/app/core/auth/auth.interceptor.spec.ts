import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import {
  settle,
  storeSession,
  testProviders,
  testUser,
} from '../../../testing/test-providers';
import { NoticeService } from '../notice/notice.service';
import { AuthService, LOGIN_URL } from './auth.service';

@Component({ selector: 'app-blank', template: '' })
class Blank {}

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  function setUp(signedIn: boolean): void {
    sessionStorage.clear();
    if (signedIn) storeSession(testUser('admin'));
    TestBed.configureTestingModule({
      providers: testProviders([
        { path: 'login', component: Blank },
        { path: 'hall', component: Blank },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  }

  afterEach(() => http.verify());

  it('adds the bearer token to API calls', () => {
    setUp(true);
    client.get('/api/v1/halls').subscribe();
    expect(
      http.expectOne('/api/v1/halls').request.headers.get('Authorization'),
    ).toBe('Bearer token-of-admin');
  });

  it('sends no token to other origins or to the login call', () => {
    setUp(true);
    client.get('https://example.org/api/v1/halls').subscribe();
    client.post(LOGIN_URL, {}).subscribe();
    expect(
      http
        .expectOne('https://example.org/api/v1/halls')
        .request.headers.has('Authorization'),
    ).toBe(false);
    expect(http.expectOne(LOGIN_URL).request.headers.has('Authorization')).toBe(
      false,
    );
  });

  it('sends no token when signed out', () => {
    setUp(false);
    client.get('/api/v1/halls').subscribe();
    expect(
      http.expectOne('/api/v1/halls').request.headers.has('Authorization'),
    ).toBe(false);
  });

  it('ends the session and returns to the login page on a 401', async () => {
    setUp(true);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/hall');
    let status = 0;
    client
      .get('/api/v1/halls')
      .subscribe({ error: (e: { status: number }) => (status = e.status) });
    http
      .expectOne('/api/v1/halls')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'token expired' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();

    expect(status).toBe(401);
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(router.url).toBe('/login?returnUrl=%2Fhall');
    expect(TestBed.inject(NoticeService).notice()).toEqual({
      kind: 'info',
      key: 'auth.expired',
    });
  });

  it("shows the API's message on a 403 and keeps the session", async () => {
    setUp(true);
    let status = 0;
    client
      .get('/api/v1/halls/x/windows/history')
      .subscribe({ error: (e: { status: number }) => (status = e.status) });
    http
      .expectOne('/api/v1/halls/x/windows/history')
      .flush(
        { statusCode: 403, error: 'Forbidden', message: 'not your hall' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle();

    expect(status).toBe(403);
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(true);
    expect(TestBed.inject(NoticeService).notice()).toEqual({
      kind: 'error',
      key: 'notice.forbidden',
      params: { message: 'not your hall' },
    });
  });

  it('leaves a failed login to the login page', async () => {
    setUp(false);
    client.post(LOGIN_URL, {}).subscribe({ error: () => undefined });
    http
      .expectOne(LOGIN_URL)
      .flush({}, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(TestBed.inject(NoticeService).notice()).toBeNull();
  });
});
