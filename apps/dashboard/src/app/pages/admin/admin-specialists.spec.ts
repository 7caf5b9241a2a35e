import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { HallSpecialistCategories } from '@onewindow/contracts';
import {
  settle,
  storeSession,
  testProviders,
  testUser,
} from '../../../testing/test-providers';
import { NAV_ITEMS } from '../../core/auth/navigation';
import { LanguageService } from '../../core/i18n/language.service';
import { AdminPage } from './admin.page';

const URL = '/api/v1/halls/h1/specialist-categories';

/** The hall following the catalog: vehicles and real estate are specialist. */
const CATALOG: HallSpecialistCategories = {
  hallId: 'h1',
  source: 'catalog',
  categories: [
    { code: 'social_security', name: '社会保障', specialist: false },
    { code: 'real_estate', name: '不动产登记', specialist: true },
    { code: 'police_vehicles', name: '公安车驾管', specialist: true },
    { code: 'tax', name: '税务', specialist: false },
    { code: 'x_new', name: '新类别', specialist: false },
  ],
};

/** The hall's own list: tax besides the catalog's two. */
const OWN: HallSpecialistCategories = {
  ...CATALOG,
  source: 'hall',
  categories: CATALOG.categories.map((c) =>
    c.code === 'tax' ? { ...c, specialist: true } : c,
  ),
};

describe('AdminPage: specialist categories', () => {
  let fixture: ComponentFixture<AdminPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  /** Opens the page (as the admin.page spec does) and the specialists tab. */
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
    (el.querySelector('[data-tab="specialists"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    http
      .match('/api/v1/categories')
      .forEach((r) =>
        r.flush([
          { code: 'tax', name: '税务', ticketPrefix: 'G', specialist: false },
        ]),
      );
    await fixture.whenStable();
  }

  const q = (id: string) =>
    el.querySelector(`[data-testid="${id}"]`) as HTMLElement;
  const box = (code: string) =>
    q('specialists-form').querySelector(
      `input[name="codes"][value="${code}"]`,
    ) as HTMLInputElement;
  const ticked = () =>
    Array.from(
      el.querySelectorAll<HTMLInputElement>('input[name="codes"]:checked'),
    ).map((i) => i.value);
  const save = async () => {
    q('specialists-form').dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  /** Answers the GET of the hall's categories. */
  const answer = async (body: HallSpecialistCategories) => {
    http.expectOne({ method: 'GET', url: URL }).flush(body);
    await fixture.whenStable();
  };

  afterEach(async () => {
    await settle();
    http.match(() => true);
  });

  it('shows the hall’s categories with their flags, and saves exactly the ticked codes', async () => {
    await open();
    expect(q('specialists-intro').textContent).toContain('混合布局');
    expect(el.textContent).toContain('正在加载');
    await answer(CATALOG);
    expect(q('specialists-source').textContent).toContain('跟随全省目录');
    expect(q('specialists-form').textContent).toContain('公安车驾管');
    // a category without a translation keeps the catalog's name
    expect(q('specialists-form').textContent).toContain('新类别');
    expect(ticked()).toEqual(['real_estate', 'police_vehicles']);
    // nothing to restore while the hall follows the catalog
    expect((q('specialists-reset') as HTMLButtonElement).disabled).toBe(true);

    box('tax').checked = true;
    box('real_estate').checked = false;
    await save();
    const put = http.expectOne({ method: 'PUT', url: URL });
    expect(put.request.body).toEqual({ codes: ['police_vehicles', 'tax'] });
    put.flush({
      ...OWN,
      categories: OWN.categories.map((c) =>
        c.code === 'real_estate' ? { ...c, specialist: false } : c,
      ),
    });
    await fixture.whenStable();
    expect(q('form-ok').textContent).toContain('已保存本大厅的专窗类别');
    await answer({
      ...OWN,
      categories: OWN.categories.map((c) =>
        c.code === 'real_estate' ? { ...c, specialist: false } : c,
      ),
    });
    expect(q('specialists-source').textContent).toContain('本大厅自定');
    expect(ticked()).toEqual(['police_vehicles', 'tax']);
    expect((q('specialists-reset') as HTMLButtonElement).disabled).toBe(false);
  });

  it('sends codes: [] when no box is ticked', async () => {
    await open();
    await answer(CATALOG);
    box('real_estate').checked = false;
    box('police_vehicles').checked = false;
    await save();
    expect(http.expectOne({ method: 'PUT', url: URL }).request.body).toEqual({
      codes: [],
    });
  });

  it('restores the catalog with codes: null', async () => {
    await open();
    await answer(OWN);
    expect(q('specialists-source').textContent).toContain('本大厅自定');
    expect(ticked()).toEqual(['real_estate', 'police_vehicles', 'tax']);
    // a box ticked but not saved does not survive the restore
    box('social_security').checked = true;

    (q('specialists-reset') as HTMLButtonElement).click();
    await fixture.whenStable();
    const put = http.expectOne({ method: 'PUT', url: URL });
    expect(put.request.body).toEqual({ codes: null });
    expect((q('specialists-reset') as HTMLButtonElement).disabled).toBe(true);
    put.flush(CATALOG);
    await fixture.whenStable();
    expect(q('form-ok').textContent).toContain('已恢复全省目录设置');
    await answer(CATALOG);
    expect(q('specialists-source').textContent).toContain('跟随全省目录');
    expect(ticked()).toEqual(['real_estate', 'police_vehicles']);
    expect(q('form-ok').textContent).toContain('已恢复全省目录设置');
  });

  it('shows the API’s 400 message and keeps the boxes as ticked', async () => {
    await open();
    await answer(CATALOG);
    box('tax').checked = true;
    await save();
    http.expectOne({ method: 'PUT', url: URL }).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Unknown categories',
        details: [{ field: 'codes', problems: ['unknown: tax'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(q('form-error').textContent).toContain('Unknown categories');
    expect(q('form-ok')).toBeNull();
    // nothing reloaded: the ticks stay for another try
    http.expectNone({ method: 'GET', url: URL });
    expect(ticked()).toEqual(['real_estate', 'police_vehicles', 'tax']);
    expect(q('specialists-source').textContent).toContain('跟随全省目录');
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
    expect(q('specialists-form')).toBeNull();
  });

  it('lets an admin set the categories of the hall picked, in English', async () => {
    localStorage.setItem('ow.lang', 'en');
    try {
      await open(testUser('admin', { username: 'admin' }));
      expect(TestBed.inject(LanguageService).lang()).toBe('en');
      expect(
        el.querySelector('[data-tab="specialists"]')?.textContent,
      ).toContain('Specialist categories');
      await answer(CATALOG);
      expect(q('specialists-source').textContent).toContain(
        'follows the provincial catalog',
      );
      expect(q('specialists-form').textContent).toContain(
        'Police and vehicles',
      );
      expect(q('specialists-reset').textContent).toContain(
        'Restore the provincial catalog',
      );
      box('tax').checked = true;
      await save();
      expect(http.expectOne({ method: 'PUT', url: URL }).request.body).toEqual({
        codes: ['real_estate', 'police_vehicles', 'tax'],
      });
    } finally {
      localStorage.removeItem('ow.lang');
    }
  });

  it('is open only to those the API lets set the categories', () => {
    // the route's guard keeps the reform office and clerks off the administration page
    expect([...NAV_ITEMS.admin.roles].sort()).toEqual([
      'admin',
      'hall_manager',
    ]);
  });
});
