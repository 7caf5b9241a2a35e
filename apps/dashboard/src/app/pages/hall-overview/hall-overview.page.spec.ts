import {
  HttpTestingController,
  TestRequest,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { HallView, WindowHistoryDay } from '@onewindow/contracts';
import {
  blobText,
  settle,
  storeSession,
  testProviders,
  testUser,
} from '../../../testing/test-providers';
import { LanguageService } from '../../core/i18n/language.service';
import {
  DEFAULT_FROM,
  DEFAULT_TO,
  HallOverviewPage,
} from './hall-overview.page';

const HALLS: HallView[] = [
  {
    id: 'h1',
    name: '杭州市民中心',
    regionCode: '330100',
    kind: 'city_center',
    timezone: 'Asia/Shanghai',
    openingHours: { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
  },
  {
    id: 'h2',
    name: '富阳区行政服务中心',
    regionCode: '330111',
    kind: 'county_center',
    timezone: 'Asia/Shanghai',
    openingHours: { weekdays: [1, 2, 3, 4, 5], open: '08:30', close: '17:00' },
  },
];

const DAYS: WindowHistoryDay[] = [
  { date: '2016-01-01', department: 30, comprehensive: 0, total: 30 },
  { date: '2016-01-02', department: 20, comprehensive: 6, total: 26 },
  { date: '2016-01-03', department: 10, comprehensive: 12, total: 22 },
];

describe('HallOverviewPage', () => {
  let fixture: ComponentFixture<HallOverviewPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function open(user: ReturnType<typeof testUser>): Promise<void> {
    sessionStorage.clear();
    localStorage.clear();
    storeSession(user);
    TestBed.configureTestingModule({
      imports: [HallOverviewPage],
      providers: testProviders(),
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HallOverviewPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
  }

  function expectHistory(
    hallId: string,
    from = DEFAULT_FROM,
    to = DEFAULT_TO,
  ): TestRequest {
    return http.expectOne(
      (r) =>
        r.url === `/api/v1/halls/${hallId}/windows/history` &&
        r.params.get('from') === from &&
        r.params.get('to') === to,
    );
  }

  const q = (testId: string) => el.querySelector(`[data-testid="${testId}"]`);

  afterEach(() => http.verify());

  it('lets an admin pick a hall of Zhejiang and shows its windows', async () => {
    await open(testUser('admin'));
    const halls = http.expectOne((r) => r.url === '/api/v1/halls');
    expect(halls.request.params.get('region')).toBe('330000');
    expect(halls.request.params.get('limit')).toBe('200');
    expect(halls.request.headers.get('Authorization')).toBe(
      'Bearer token-of-admin',
    );
    halls.flush({ items: HALLS, total: 2 });
    await fixture.whenStable();

    const history = expectHistory('h1');
    expect(q('chart-loading')?.textContent).toContain('正在加载');
    history.flush({
      hallId: 'h1',
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      days: DAYS,
    });
    await fixture.whenStable();

    const options = Array.from(
      el.querySelectorAll('[data-testid="hall-picker"] option'),
    ).map((o) => o.textContent?.trim());
    expect(options).toEqual(['杭州市民中心', '富阳区行政服务中心']);
    expect(q('window-history-chart')).not.toBeNull();
    expect(q('window-history-chart')?.getAttribute('aria-label')).toContain(
      '30',
    );
    expect(q('loaded-at')?.textContent).toContain('北京时间');

    const picker = q('hall-picker') as HTMLSelectElement;
    picker.value = 'h2';
    picker.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expectHistory('h2').flush({
      hallId: 'h2',
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      days: DAYS,
    });
  });

  it('uses the region of a reform office', async () => {
    await open(testUser('reform_office', { regionCode: '330100' }));
    const halls = http.expectOne((r) => r.url === '/api/v1/halls');
    expect(halls.request.params.get('region')).toBe('330100');
    halls.flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect(q('no-halls')?.textContent).toContain('没有可查看的大厅');
  });

  it('shows a clerk their own hall, without a picker', async () => {
    await open(testUser('clerk', { hallId: 'h2' }));
    http.expectOne('/api/v1/halls/h2').flush(HALLS[1]);
    expectHistory('h2').flush({
      hallId: 'h2',
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      days: DAYS,
    });
    await fixture.whenStable();
    expect(q('hall-picker')).toBeNull();
    expect(q('hall-name')?.textContent).toContain('富阳区行政服务中心');
    expect(q('window-history-chart')).not.toBeNull();
  });

  it('shows an empty state when the hall had no windows', async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    http.expectOne('/api/v1/halls/h1').flush(HALLS[0]);
    expectHistory('h1').flush({
      hallId: 'h1',
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      days: [],
    });
    await fixture.whenStable();
    expect(q('chart-empty')?.textContent).toContain('该时段没有窗口数据');
    expect(q('window-history-chart')).toBeNull();
    expect((q('download-csv') as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows the API's message when loading fails", async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    http.expectOne('/api/v1/halls/h1').flush(HALLS[0]);
    expectHistory('h1').flush(
      { statusCode: 400, error: 'Bad Request', message: 'from must be a date' },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(q('chart-error')?.textContent).toContain('from must be a date');
  });

  it('reloads for another span and refuses a reversed one', async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    http.expectOne('/api/v1/halls/h1').flush(HALLS[0]);
    expectHistory('h1').flush({
      hallId: 'h1',
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      days: DAYS,
    });
    await fixture.whenStable();

    const from = q('from') as HTMLInputElement;
    from.value = '2019-01-01';
    from.dispatchEvent(new Event('change'));
    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expectHistory('h1', '2019-01-01').flush({
      hallId: 'h1',
      from: '2019-01-01',
      to: DEFAULT_TO,
      days: DAYS,
    });

    from.value = '2021-06-01';
    from.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(el.querySelector('.form-error')?.textContent).toContain(
      '开始日期不能晚于结束日期',
    );
    expect(
      (el.querySelector('button[type="submit"]') as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('downloads the days as CSV', async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    http.expectOne('/api/v1/halls/h1').flush(HALLS[0]);
    expectHistory('h1').flush({
      hallId: 'h1',
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      days: DAYS,
    });
    await fixture.whenStable();

    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        expect(this.download).toBe(
          `windows_杭州市民中心_${DEFAULT_FROM}_${DEFAULT_TO}.csv`,
        );
      });
    (q('download-csv') as HTMLButtonElement).click();
    expect(click).toHaveBeenCalled();
    const text = await blobText(blobs[0]);
    expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      '日期,部门窗口,综合窗口,合计',
      '2016-01-01,30,0,30',
      '2016-01-02,20,6,26',
      '2016-01-03,10,12,22',
      '',
    ]);
    click.mockRestore();
    await settle();
  });

  it('follows the language', async () => {
    await open(testUser('hall_manager', { hallId: 'h1' }));
    http.expectOne('/api/v1/halls/h1').flush(HALLS[0]);
    expectHistory('h1').flush({
      hallId: 'h1',
      from: DEFAULT_FROM,
      to: DEFAULT_TO,
      days: DAYS,
    });
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(el.querySelector('h1')?.textContent).toContain('Hall overview');
    expect(q('loaded-at')?.textContent).toContain('Beijing time');
    expect(q('window-history-chart')?.getAttribute('data-locale')).toBe('EN');
  });
});
