import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import {
  loginResponse,
  settle,
  testProviders,
  testUser,
} from '../../testing/test-providers';
import { AuthService, LOGIN_URL } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { LoginPage, loginErrorKey } from './login.page';

@Component({ selector: 'app-blank', template: '' })
class Blank {}

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: testProviders([
        { path: 'hall', component: Blank },
        { path: 'region', component: Blank },
        { path: 'planner', component: Blank },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function type(testId: string, value: string): void {
    const input = el.querySelector<HTMLInputElement>(
      `[data-testid="${testId}"]`,
    );
    if (!input) throw new Error(`no ${testId}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    el.querySelector<HTMLButtonElement>(
      '[data-testid="login-submit"]',
    )?.click();
    await fixture.whenStable();
  }

  it('is in Chinese by default with labelled fields', () => {
    expect(el.querySelector('h1')?.textContent).toContain('登录');
    const labels = Array.from(el.querySelectorAll('label')).map((l) =>
      l.textContent?.trim(),
    );
    expect(labels).toEqual(['用户名', '密码']);
  });

  it('asks for both fields before calling the API', async () => {
    await submit();
    http.expectNone(LOGIN_URL);
    expect(
      el.querySelector('[data-testid="login-error"]')?.textContent,
    ).toContain('请输入用户名和密码');
  });

  it('signs in and goes to the home page of the role', async () => {
    type('username', 'zj-reform');
    type('password', 'OneWindow!2020');
    await submit();
    const req = http.expectOne(LOGIN_URL);
    expect(req.request.body).toEqual({
      username: 'zj-reform',
      password: 'OneWindow!2020',
    });
    req.flush(
      loginResponse(testUser('reform_office', { regionCode: '330000' })),
    );
    await settle();
    expect(TestBed.inject(AuthService).role()).toBe('reform_office');
    expect(TestBed.inject(Router).url).toBe('/region');
  });

  it('returns to the page asked for before', async () => {
    fixture.componentRef.setInput('returnUrl', '/planner');
    type('username', 'admin');
    type('password', 'x');
    await submit();
    http.expectOne(LOGIN_URL).flush(loginResponse(testUser('admin')));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/planner');
  });

  it('never returns to another origin', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example/x');
    type('username', 'admin');
    type('password', 'x');
    await submit();
    http.expectOne(LOGIN_URL).flush(loginResponse(testUser('admin')));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/hall');
  });

  it('says so when the credentials are wrong, and clears the password', async () => {
    type('username', 'admin');
    type('password', 'wrong');
    await submit();
    http.expectOne(LOGIN_URL).flush(
      {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid credentials',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();
    expect(
      el.querySelector('[data-testid="login-error"]')?.textContent,
    ).toContain('用户名或密码错误');
    expect(
      el.querySelector<HTMLInputElement>('[data-testid="password"]')?.value,
    ).toBe('');
    expect(
      el.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')
        ?.disabled,
    ).toBe(false);
  });

  it('follows the language switch', async () => {
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(el.querySelector('h1')?.textContent).toContain('Sign in');
    expect(
      el.querySelector('[data-testid="login-submit"]')?.textContent,
    ).toContain('Sign in');
  });

  it('maps statuses to messages', () => {
    expect(loginErrorKey(401)).toBe('auth.invalid');
    expect(loginErrorKey(400)).toBe('auth.invalid');
    expect(loginErrorKey(429)).toBe('auth.rateLimited');
    expect(loginErrorKey(503)).toBe('auth.unavailable');
    expect(loginErrorKey(0)).toBe('auth.unavailable');
  });
});
