import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@onewindow/contracts';
import {
  settle,
  storeSession,
  testProviders,
  testUser,
} from '../testing/test-providers';
import { appRoutes } from './app.routes';
import { AuthService } from './core/auth/auth.service';
import { homePathFor, navItemsFor } from './core/auth/navigation';
import { LanguageService } from './core/i18n/language.service';
import { NoticeService } from './core/notice/notice.service';

describe('routes, guards and the shell', () => {
  let harness: RouterTestingHarness;

  async function start(role: Role | null): Promise<void> {
    sessionStorage.clear();
    localStorage.clear();
    if (role)
      storeSession(
        testUser(
          role,
          role === 'clerk' || role === 'hall_manager' ? { hallId: 'h1' } : {},
        ),
      );
    TestBed.configureTestingModule({ providers: testProviders(appRoutes) });
    harness = await RouterTestingHarness.create();
  }

  const router = () => TestBed.inject(Router);
  const navLinks = () =>
    Array.from(
      harness.fixture.nativeElement.querySelectorAll(
        '[data-testid="nav"] a',
      ) as NodeListOf<HTMLAnchorElement>,
    ).map((a) => a.getAttribute('data-nav'));

  it('sends a visitor to the login page, keeping where they wanted to go', async () => {
    await start(null);
    await harness.navigateByUrl('/planner');
    expect(router().url).toBe('/login?returnUrl=%2Fplanner');
    expect(
      harness.fixture.nativeElement.querySelector('h1')?.textContent,
    ).toContain('登录');
  });

  it('sends a signed-in person from the login page home', async () => {
    await start('reform_office');
    await harness.navigateByUrl('/login');
    expect(router().url).toBe('/region');
  });

  it.each<[Role, string[]]>([
    ['admin', ['region', 'hall', 'planner', 'admin']],
    ['reform_office', ['region', 'hall']],
    ['hall_manager', ['hall', 'planner', 'admin']],
    ['clerk', ['hall']],
  ])('shows %s only the links of its pages', async (role, links) => {
    await start(role);
    await harness.navigateByUrl('/');
    await settle();
    harness.fixture.detectChanges();
    expect(router().url).toBe(homePathFor(role));
    expect(navLinks()).toEqual(links);
    expect(navItemsFor(role).map((i) => i.path)).toEqual(links);
  });

  it('keeps a clerk out of the planner with a notice', async () => {
    await start('clerk');
    await harness.navigateByUrl('/planner');
    expect(router().url).toBe('/hall');
    expect(TestBed.inject(NoticeService).notice()).toEqual({
      kind: 'error',
      key: 'notice.forbiddenPage',
    });
    TestBed.inject(HttpTestingController); // the hall page's calls stay pending
  });

  it.each<[string, string, string]>([
    ['/region', '全省/区域概览', 'Region overview'],
    ['/planner', '窗口规划', 'Planner'],
    ['/admin', '管理', 'Administration'],
  ])(
    'loads the page of %s lazily, titled in both languages',
    async (url, zh, en) => {
      await start('admin');
      await harness.navigateByUrl(url);
      await settle();
      harness.fixture.detectChanges();
      const h1 = () =>
        harness.fixture.nativeElement.querySelector('main h1')?.textContent;
      expect(h1()).toContain(zh);
      TestBed.inject(LanguageService).use('en');
      await harness.fixture.whenStable();
      expect(h1()).toContain(en);
      TestBed.inject(HttpTestingController).match(() => true);
    },
  );

  it('shows the user and role in the header and logs out', async () => {
    await start('hall_manager');
    await harness.navigateByUrl('/admin');
    await settle();
    harness.fixture.detectChanges();
    const root: HTMLElement = harness.fixture.nativeElement;
    expect(root.querySelector('[data-testid="user"]')?.textContent).toContain(
      'hall_manager',
    );
    expect(root.querySelector('[data-testid="role"]')?.textContent).toContain(
      '大厅负责人',
    );
    expect(root.querySelector('.brand')?.textContent).toContain('一窗通');

    root.querySelector<HTMLButtonElement>('[data-testid="logout"]')?.click();
    await settle();
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(router().url).toBe('/login');
  });

  it('translates the document title', async () => {
    await start('admin');
    await harness.navigateByUrl('/admin');
    await settle();
    expect(document.title).toBe('管理 · 一窗通 OneWindow');
    TestBed.inject(LanguageService).use('en');
    await settle();
    TestBed.tick();
    expect(document.title).toBe('Administration · 一窗通 OneWindow');
  });
});
