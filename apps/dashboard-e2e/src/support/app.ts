import type {
  HallView,
  ListResponse,
  LoginResponse,
} from '@onewindow/contracts';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { paintedPixels } from './browser';
import { WORKSPACE_ROOT } from './stack';

/** The demo password of every demo user (README). */
export const PASSWORD = 'OneWindow!2020';
export const SCREENSHOTS = resolve(WORKSPACE_ROOT, 'docs/screenshots');

/** Calls of the app under test: the browser side and the API side. */
export class App {
  constructor(
    readonly baseUrl: string,
    readonly page: Page,
  ) {
    mkdirSync(SCREENSHOTS, { recursive: true });
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  async apiLogin(username: string): Promise<LoginResponse> {
    const res = await fetch(this.url('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (res.status !== 200)
      throw new Error(`login ${username} → ${res.status} ${await res.text()}`);
    return (await res.json()) as LoginResponse;
  }

  async api<T>(
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(this.url(path), {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok)
      throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** The demo hall whose name contains `name` (e.g. 富阳区行政服务中心), read through the API. */
  async hallNamed(name: string, token: string): Promise<HallView> {
    const halls = await this.api<ListResponse<HallView>>(
      'GET',
      '/api/v1/halls?region=330000&limit=200',
      token,
    );
    const hall = halls.items.find((h) => h.name.includes(name));
    if (!hall) throw new Error(`no demo hall named ${name}`);
    return hall;
  }

  async signIn(username: string): Promise<void> {
    await this.page.goto(this.url('/login'));
    await this.page.getByTestId('username').fill(username);
    await this.page.getByTestId('password').fill(PASSWORD);
    await this.page.getByTestId('login-submit').click();
    await this.page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('logout').click();
    await this.page.waitForURL(/\/login/);
  }

  navPaths(): Promise<(string | null)[]> {
    return this.page
      .locator('[data-testid="nav"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-nav')));
  }

  /** Waits until the chart has drawn (not loading, not empty, not an error). */
  async rendered(testId: string, timeout = 30_000): Promise<Locator> {
    const chart = this.page.locator(
      `[data-testid="${testId}"][data-chart-state="rendered"]`,
    );
    await chart.waitFor({ state: 'visible', timeout });
    return chart;
  }

  /** Each chart drew values from the API and painted its canvas. */
  async expectChartsWithData(testIds: string[]): Promise<void> {
    for (const id of testIds) {
      const chart = await this.rendered(id);
      const points = Number(await chart.getAttribute('data-points'));
      const painted = await paintedPixels(this.page, id);
      expect({ id, hasPoints: points > 0, painted: painted > 2_000 }).toEqual({
        id,
        hasPoints: true,
        painted: true,
      });
    }
  }

  shot(name: string): Promise<Buffer> {
    return this.page.screenshot({
      path: resolve(SCREENSHOTS, name),
      fullPage: true,
    });
  }
}
