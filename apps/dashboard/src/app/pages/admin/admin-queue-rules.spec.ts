import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { HallQueueRules } from '@onewindow/contracts';
import {
  settle,
  storeSession,
  testProviders,
  testUser,
} from '../../../testing/test-providers';
import { NAV_ITEMS } from '../../core/auth/navigation';
import { LanguageService } from '../../core/i18n/language.service';
import { ADMIN_TABS, AdminPage } from './admin.page';

const URL = '/api/v1/halls/h1/queue-rules';

/** The hall's defaults. */
const DEFAULTS: HallQueueRules = {
  hallId: 'h1',
  priorityStreakCap: 3,
  normalMaxWaitMinutes: 45,
};

describe('AdminPage: calling rules', () => {
  let fixture: ComponentFixture<AdminPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  /** Opens the page (as the admin.page spec does) and the calling rules tab. */
  async function open(
    user = testUser('hall_manager', { hallId: 'h1' }),
  ): Promise<void> {
    sessionStorage.clear();
    storeSession(user);
    TestBed.configureTestingModule({
      imports: [AdminPage],
      providers: testProviders(),
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AdminPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
    if (user.role === 'admin') {
      http
        .expectOne((r) => r.url === '/api/v1/halls')
        .flush({ items: [{ id: 'h1', name: '富阳' }], total: 1 });
      http.expectOne('/api/v1/analytics/halls/h1/coverage').flush({
        hallId: 'h1',
        tickets: { from: '2020-08-17', to: '2020-08-28' },
        facts: null,
      });
      await fixture.whenStable();
    } else http.expectOne('/api/v1/halls/h1').flush({ id: 'h1', name: '富阳' });
    http
      .match((r) => r.url === '/api/v1/halls/h1/windows')
      .forEach((r) => r.flush([]));
    (el.querySelector('[data-tab="queueRules"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    http.match('/api/v1/categories').forEach((r) => r.flush([]));
    await fixture.whenStable();
  }

  const q = (id: string) =>
    el.querySelector(`[data-testid="${id}"]`) as HTMLElement;
  const input = (id: string) => q(id) as HTMLInputElement;
  const fill = (id: string, value: string) => {
    input(id).value = value;
  };
  const save = async () => {
    q('queue-rules-form').dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  /** Answers the GET of the hall's rules. */
  const answer = async (body: HallQueueRules) => {
    http.expectOne({ method: 'GET', url: URL }).flush(body);
    await fixture.whenStable();
  };

  afterEach(async () => {
    await settle();
    http.match(() => true);
  });

  it('shows the hall’s rules with what each means, and saves both', async () => {
    await open();
    // the tab right after the specialist categories
    const tabs = Array.from(el.querySelectorAll('[data-tab]')).map((t) =>
      t.getAttribute('data-tab'),
    );
    expect(tabs.indexOf('queueRules')).toBe(tabs.indexOf('specialists') + 1);
    expect(ADMIN_TABS).toContain('queueRules');
    expect(el.querySelector('[data-tab="queueRules"]')?.textContent).toContain(
      '叫号规则',
    );
    expect(q('queue-rules-intro').textContent).toContain('绿色通道');
    expect(el.textContent).toContain('正在加载');
    await answer(DEFAULTS);
    expect(input('queue-rules-streak').value).toBe('3');
    expect(input('queue-rules-wait').value).toBe('45');
    expect(input('queue-rules-streak').min).toBe('1');
    expect(input('queue-rules-streak').max).toBe('20');
    expect(input('queue-rules-wait').min).toBe('5');
    expect(input('queue-rules-wait').max).toBe('480');
    expect(q('queue-rules-form').textContent).toContain('连续叫优先号的上限');
    expect(q('queue-rules-streak-hint').textContent).toContain(
      '连续叫 N 个优先号后，下一个叫等候最久的普通号',
    );
    expect(q('queue-rules-streak-hint').textContent).toContain('1–20');
    expect(q('queue-rules-wait-hint').textContent).toContain(
      '普通号等候满 N 分钟',
    );
    expect(q('queue-rules-wait-hint').textContent).toContain('5–480');

    fill('queue-rules-streak', '1');
    fill('queue-rules-wait', '30');
    await save();
    const put = http.expectOne({ method: 'PUT', url: URL });
    expect(put.request.body).toEqual({
      priorityStreakCap: 1,
      normalMaxWaitMinutes: 30,
    });
    put.flush({ hallId: 'h1', priorityStreakCap: 1, normalMaxWaitMinutes: 30 });
    await fixture.whenStable();
    expect(q('form-ok').textContent).toContain('已保存本大厅的叫号规则');
    await answer({
      hallId: 'h1',
      priorityStreakCap: 1,
      normalMaxWaitMinutes: 30,
    });
    expect(input('queue-rules-streak').value).toBe('1');
    expect(input('queue-rules-wait').value).toBe('30');
    expect(q('form-ok').textContent).toContain('已保存本大厅的叫号规则');
  });

  it('sends nothing when nothing changed', async () => {
    await open();
    await answer(DEFAULTS);
    await save();
    http.expectNone({ method: 'PUT', url: URL });
    expect(q('form-ok').textContent).toContain('没有需要保存的修改');
  });

  it('refuses values out of range, fractions and empty fields before asking the API', async () => {
    await open();
    await answer(DEFAULTS);
    for (const [id, value, message] of [
      ['queue-rules-streak', '0', '格式不正确'],
      ['queue-rules-streak', '21', '格式不正确'],
      ['queue-rules-streak', '4.5', '格式不正确'],
      ['queue-rules-streak', '', '请填写'],
      ['queue-rules-wait', '4', '格式不正确'],
      ['queue-rules-wait', '481', '格式不正确'],
    ]) {
      fill('queue-rules-streak', '3');
      fill('queue-rules-wait', '45');
      fill(id, value);
      await save();
      const invalid = q('form-invalid');
      expect({ id, value, text: invalid?.textContent }).toEqual({
        id,
        value,
        text: expect.stringContaining(message),
      });
      expect(invalid.textContent).toContain(
        id === 'queue-rules-streak' ? '连续叫优先号的上限' : '普通号最长等候',
      );
    }
    http.expectNone({ method: 'PUT', url: URL });
  });

  it('shows the API’s 400 message and keeps the values as typed', async () => {
    await open();
    await answer(DEFAULTS);
    fill('queue-rules-streak', '5');
    await save();
    http.expectOne({ method: 'PUT', url: URL }).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input: priorityStreakCap',
        details: [
          {
            field: 'priorityStreakCap',
            problems: ['priorityStreakCap must be at most 20'],
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(q('form-error').textContent).toContain(
      'Invalid input: priorityStreakCap',
    );
    expect(q('form-ok')).toBeNull();
    // nothing reloaded: the values stay for another try
    http.expectNone({ method: 'GET', url: URL });
    expect(input('queue-rules-streak').value).toBe('5');
    expect(input('queue-rules-wait').value).toBe('45');
  });

  it('names a failed load (403: not allowed)', async () => {
    await open();
    http.expectOne({ method: 'GET', url: URL }).flush(
      {
        statusCode: 403,
        error: 'Forbidden',
        message: 'Not your hall',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    expect(el.querySelector('.state-error')?.textContent).toContain(
      '没有权限查看：Not your hall',
    );
    expect(q('queue-rules-form')).toBeNull();
  });

  it('lets an admin set the rules of the hall picked, in English', async () => {
    localStorage.setItem('ow.lang', 'en');
    try {
      await open(testUser('admin', { username: 'admin' }));
      expect(TestBed.inject(LanguageService).lang()).toBe('en');
      expect(
        el.querySelector('[data-tab="queueRules"]')?.textContent,
      ).toContain('Calling rules');
      await answer(DEFAULTS);
      expect(q('queue-rules-form').textContent).toContain(
        'Priority calls in a row',
      );
      expect(q('queue-rules-streak-hint').textContent).toContain(
        'After N priority calls in a row',
      );
      expect(q('queue-rules-wait-hint').textContent).toContain(
        'waited N minutes',
      );
      fill('queue-rules-wait', '60');
      await save();
      expect(http.expectOne({ method: 'PUT', url: URL }).request.body).toEqual({
        priorityStreakCap: 3,
        normalMaxWaitMinutes: 60,
      });
    } finally {
      localStorage.removeItem('ow.lang');
    }
  });

  it('is open only to those the API lets set the rules', () => {
    // the route's guard keeps the reform office and clerks off the administration page
    expect([...NAV_ITEMS.admin.roles].sort()).toEqual([
      'admin',
      'hall_manager',
    ]);
  });
});
