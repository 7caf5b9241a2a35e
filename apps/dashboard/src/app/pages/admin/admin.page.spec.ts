import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { DeviceView, WindowView } from '@onewindow/contracts';
import {
  settle,
  storeSession,
  testProviders,
  testUser,
} from '../../../testing/test-providers';
import { todayInShanghai } from '../../core/time/shanghai-time';
import { AdminPage } from './admin.page';

const WINDOWS: WindowView[] = [
  {
    id: 'w1',
    label: 'A1',
    mode: 'department',
    categoryCodes: ['tax'],
    state: 'open',
    openedOn: '2013-06-03',
    retiredOn: null,
  },
  {
    id: 'w0',
    label: 'A0',
    mode: 'department',
    categoryCodes: [],
    state: 'retired',
    openedOn: '2013-06-03',
    retiredOn: '2019-09-16',
  },
];

const DEVICE: DeviceView = {
  id: 'd1',
  kind: 'kiosk',
  name: '一楼取号机',
  createdAt: '2020-08-17T01:00:00Z',
  revokedAt: null,
  lastSeenAt: null,
};

describe('AdminPage', () => {
  let fixture: ComponentFixture<AdminPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function open(): Promise<void> {
    sessionStorage.clear();
    storeSession(testUser('hall_manager', { hallId: 'h1' }));
    TestBed.configureTestingModule({
      imports: [AdminPage],
      providers: testProviders(),
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AdminPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
    http.expectOne('/api/v1/halls/h1').flush({ id: 'h1', name: '富阳' });
    http
      .match('/api/v1/categories')
      .forEach((r) =>
        r.flush([{ code: 'tax', name: '税务', ticketPrefix: 'G' }]),
      );
    await fixture.whenStable();
  }

  const q = (id: string) =>
    el.querySelector(`[data-testid="${id}"]`) as HTMLElement;
  const tab = async (name: string) => {
    (el.querySelector(`[data-tab="${name}"]`) as HTMLButtonElement).click();
    await fixture.whenStable();
    http.match('/api/v1/categories').forEach((r) => r.flush([]));
  };
  const fill = (form: HTMLElement, name: string, value: string) => {
    const input = form.querySelector(`[name="${name}"]`) as HTMLInputElement;
    input.value = value;
  };
  const submit = async (form: HTMLElement) => {
    form.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };

  it('opens, converts and retires windows, back-dated', async () => {
    await open();
    http.expectOne((r) => r.url === '/api/v1/halls/h1/windows').flush(WINDOWS);
    await fixture.whenStable();
    // retired windows only on request
    expect(el.querySelectorAll('[data-testid="window-row"]')).toHaveLength(1);

    const form = q('window-form');
    fill(form, 'label', 'C9');
    fill(form, 'effectiveDate', '2019-07-01');
    (form.querySelector('input[value="tax"]') as HTMLInputElement).checked =
      true;
    await submit(form);
    const create = http.expectOne({
      method: 'POST',
      url: '/api/v1/halls/h1/windows',
    });
    expect(create.request.body).toEqual({
      label: 'C9',
      mode: 'department',
      categoryCodes: ['tax'],
      effectiveDate: '2019-07-01',
    });
    create.flush({ ...WINDOWS[0], id: 'w9', label: 'C9' });
    http.expectOne((r) => r.url === '/api/v1/halls/h1/windows').flush(WINDOWS);
    await fixture.whenStable();
    expect(q('form-ok').textContent).toContain('已新增窗口 C9');

    const date = q('action-date') as HTMLInputElement;
    date.value = '2019-12-02';
    date.dispatchEvent(new Event('change'));
    (q('convert') as HTMLButtonElement).click();
    const convert = http.expectOne({
      method: 'PATCH',
      url: '/api/v1/halls/h1/windows/w1',
    });
    expect(convert.request.body).toEqual({
      mode: 'comprehensive',
      effectiveDate: '2019-12-02',
    });
    convert.flush({ ...WINDOWS[0], mode: 'comprehensive' });
    http.expectOne((r) => r.url === '/api/v1/halls/h1/windows').flush(WINDOWS);
    await fixture.whenStable();

    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    (q('retire') as HTMLButtonElement).click();
    expect(confirm).toHaveBeenCalledWith('撤销窗口 A1？');
    const retire = http.expectOne({
      method: 'POST',
      url: '/api/v1/halls/h1/windows/w1/retire',
    });
    expect(retire.request.body).toEqual({ effectiveDate: '2019-12-02' });
    retire.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'effectiveDate is before the window’s latest change',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(q('form-error').textContent).toContain(
      'before the window’s latest change',
    );
    confirm.mockRestore();
  });

  it('issues a device token, shows it once, and revokes a device', async () => {
    await open();
    http
      .match((r) => r.url === '/api/v1/halls/h1/windows')
      .forEach((r) => r.flush([]));
    await tab('devices');
    http.expectOne('/api/v1/halls/h1/devices').flush([DEVICE]);
    await fixture.whenStable();
    expect(q('device-row').textContent).toContain('从未');

    const form = q('device-form');
    fill(form, 'name', '二楼显示屏');
    (form.querySelector('[name="kind"]') as HTMLSelectElement).value =
      'display';
    await submit(form);
    const create = http.expectOne({
      method: 'POST',
      url: '/api/v1/halls/h1/devices',
    });
    expect(create.request.body).toEqual({
      kind: 'display',
      name: '二楼显示屏',
    });
    create.flush({
      id: 'd2',
      kind: 'display',
      name: '二楼显示屏',
      token: 'owd_secret_once',
    });
    http.expectOne('/api/v1/halls/h1/devices').flush([DEVICE]);
    await fixture.whenStable();
    expect(q('device-token').textContent).toBe('owd_secret_once');
    expect(q('token-box').textContent).toContain('令牌只显示这一次');
    (q('token-done') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(q('token-box')).toBeNull();
    expect(el.textContent).not.toContain('owd_secret_once');

    (q('revoke') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'DELETE', url: '/api/v1/halls/h1/devices/d1' })
      .flush({ ...DEVICE, revokedAt: '2020-08-18T01:00:00Z' });
    http
      .expectOne('/api/v1/halls/h1/devices')
      .flush([{ ...DEVICE, revokedAt: '2020-08-18T01:00:00Z' }]);
    await fixture.whenStable();
    expect(q('device-row').textContent).toContain('已吊销');
  });

  it('sets and deletes targets, records staff moves and creates clerks', async () => {
    await open();
    http
      .match((r) => r.url === '/api/v1/halls/h1/windows')
      .forEach((r) => r.flush([]));

    await tab('targets');
    http
      .expectOne((r) => r.url === '/api/v1/halls/h1/targets')
      .flush({ items: [], total: 0 });
    await fixture.whenStable();
    const form = q('target-form');
    (form.querySelector('[name="metric"]') as HTMLSelectElement).value =
      'online_rate';
    (form.querySelector('[name="comparison"]') as HTMLSelectElement).value =
      'ge';
    fill(form, 'value', '0.8');
    fill(form, 'dueDate', '2020-12-31');
    await submit(form);
    expect(
      http.expectOne({ method: 'POST', url: '/api/v1/halls/h1/targets' })
        .request.body,
    ).toEqual({
      metric: 'online_rate',
      comparison: 'ge',
      value: 0.8,
      dueDate: '2020-12-31',
    });

    await tab('staff');
    http
      .expectOne((r) => r.url === '/api/v1/halls/h1/staff')
      .flush({
        items: [
          {
            id: 's1',
            name: '王丽',
            role: 'department_clerk',
            skills: [],
            active: true,
          },
        ],
        total: 1,
      });
    http
      .expectOne((r) => r.url === '/api/v1/halls/h1/reassignments')
      .flush({ items: [], total: 0 });
    await fixture.whenStable();
    const move = q('move-form');
    (move.querySelector('[name="toRole"]') as HTMLSelectElement).value =
      'online_coach';
    await submit(move);
    expect(
      http.expectOne({ method: 'POST', url: '/api/v1/halls/h1/reassignments' })
        .request.body,
    ).toEqual({
      staffId: 's1',
      toRole: 'online_coach',
      effectiveDate: todayInShanghai(),
    });

    await tab('users');
    const roles = Array.from(
      el.querySelectorAll('[data-testid="user-role"] option'),
    ).map((o) => (o as HTMLOptionElement).value);
    expect(roles).toEqual(['clerk']);
    const user = q('user-form');
    fill(user, 'username', 'fuyang-clerk-2');
    fill(user, 'password', 'a-long-passphrase');
    await submit(user);
    const created = http.expectOne({ method: 'POST', url: '/api/v1/users' });
    expect(created.request.body).toEqual({
      username: 'fuyang-clerk-2',
      password: 'a-long-passphrase',
      role: 'clerk',
      hallId: 'h1',
    });
    created.flush({
      id: 'u9',
      username: 'fuyang-clerk-2',
      role: 'clerk',
      hallId: 'h1',
    });
    await fixture.whenStable();
    expect(q('created-users').textContent).toContain('fuyang-clerk-2');
    await settle();
    http.match(() => true);
  });
});
