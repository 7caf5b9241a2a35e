import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type {
  DeviceView,
  TargetView,
  UserView,
  WindowView,
} from '@onewindow/contracts';
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

const MANAGER: UserView = {
  id: 'u-hall_manager',
  username: 'hall_manager',
  role: 'hall_manager',
  hallId: 'h1',
  active: true,
};

const CLERK: UserView = {
  id: 'u-clerk',
  username: 'fuyang-clerk',
  role: 'clerk',
  hallId: 'h1',
  active: true,
};

describe('AdminPage', () => {
  let fixture: ComponentFixture<AdminPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

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
      // the picker opens on a hall with tickets
      http.expectOne('/api/v1/analytics/halls/h1/coverage').flush({
        hallId: 'h1',
        tickets: { from: '2020-08-17', to: '2020-08-28' },
        facts: null,
      });
      await fixture.whenStable();
    } else http.expectOne('/api/v1/halls/h1').flush({ id: 'h1', name: '富阳' });
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
    http
      .match((r) => r.url === '/api/v1/halls/h1/windows')
      .forEach((r) =>
        r.flush([
          {
            id: 'w5',
            label: '5号窗口',
            mode: 'comprehensive',
            categoryCodes: [],
            state: 'open',
            openedOn: '2020-01-01',
            retiredOn: null,
          },
        ]),
      );
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
    // the pairing link carries the token after '#' (never sent to a server), with its QR code
    expect(q('pairing-link').textContent).toBe(
      `${location.origin}/board#token=owd_secret_once`,
    );
    expect(
      q('pairing-qr').querySelector('path')?.getAttribute('d')?.length,
    ).toBeGreaterThan(100);
    (q('token-done') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(q('token-box')).toBeNull();
    expect(el.textContent).not.toContain('owd_secret_once');

    // a rating pad is issued for a window of the hall, and pairs with /rate
    const kind = form.querySelector('[name="kind"]') as HTMLSelectElement;
    kind.value = 'rater';
    kind.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    fill(form, 'name', '5号窗口评价器');
    await submit(form);
    const rater = http.expectOne({
      method: 'POST',
      url: '/api/v1/halls/h1/devices',
    });
    expect(rater.request.body).toEqual({
      kind: 'rater',
      name: '5号窗口评价器',
      windowId: 'w5',
    });
    rater.flush({
      id: 'd3',
      kind: 'rater',
      name: '5号窗口评价器',
      token: 'owd_rater_once',
      windowId: 'w5',
    });
    http.expectOne('/api/v1/halls/h1/devices').flush([DEVICE]);
    await fixture.whenStable();
    expect(q('pairing-link').textContent).toBe(
      `${location.origin}/rate#token=owd_rater_once`,
    );
    (q('token-done') as HTMLButtonElement).click();
    await fixture.whenStable();

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
    http
      .expectOne(
        (r) => r.url === '/api/v1/users' && r.params.get('hallId') === 'h1',
      )
      .flush({ items: [], total: 0 });
    await fixture.whenStable();
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
    http
      .expectOne((r) => r.url === '/api/v1/users')
      .flush({ items: [{ ...CLERK, username: 'fuyang-clerk-2' }], total: 1 });
    await fixture.whenStable();
    expect(q('users-table').textContent).toContain('fuyang-clerk-2');
    await settle();
    http.match(() => true);
  });

  it('lists the hall’s users and lets the manager disable a clerk and reset its password', async () => {
    await open();
    http
      .match((r) => r.url === '/api/v1/halls/h1/windows')
      .forEach((r) => r.flush([]));
    await tab('users');
    // no scope picker for a manager: always its own hall
    expect(q('user-scope')).toBeNull();
    const list = http.expectOne((r) => r.url === '/api/v1/users');
    expect(list.request.params.get('hallId')).toBe('h1');
    list.flush({ items: [MANAGER, CLERK], total: 2 });
    await fixture.whenStable();
    const rows = el.querySelectorAll<HTMLElement>('[data-testid="user-row"]');
    expect(Array.from(rows).map((r) => r.dataset['username'])).toEqual([
      'hall_manager',
      'fuyang-clerk',
    ]);
    expect(rows[1].textContent).toContain('窗口工作人员');
    expect(rows[1].textContent).toContain('富阳');
    expect(rows[1].textContent).toContain('启用');
    // the manager itself: no actions (the API allows only clerks)
    expect(rows[0].querySelector('[data-testid="toggle-user"]')).toBeNull();

    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    (
      rows[1].querySelector('[data-testid="toggle-user"]') as HTMLButtonElement
    ).click();
    expect(confirm).toHaveBeenCalledWith(
      expect.stringContaining('停用用户 fuyang-clerk？'),
    );
    confirm.mockRestore();
    const disable = http.expectOne({
      method: 'PATCH',
      url: '/api/v1/users/u-clerk',
    });
    expect(disable.request.body).toEqual({ active: false });
    disable.flush({ ...CLERK, active: false });
    http
      .expectOne((r) => r.url === '/api/v1/users')
      .flush({ items: [MANAGER, { ...CLERK, active: false }], total: 2 });
    await fixture.whenStable();
    expect(q('form-ok').textContent).toContain('用户 fuyang-clerk 已停用');
    const clerkRow = el.querySelector(
      '[data-testid="user-row"][data-username="fuyang-clerk"]',
    ) as HTMLElement;
    expect(clerkRow.dataset['active']).toBe('false');
    expect(
      clerkRow.querySelector('[data-testid="user-state"]')?.textContent,
    ).toContain('已停用');
    expect(
      clerkRow.querySelector('[data-testid="toggle-user"]')?.textContent,
    ).toContain('启用');

    (
      clerkRow.querySelector(
        '[data-testid="reset-password"]',
      ) as HTMLButtonElement
    ).click();
    await fixture.whenStable();
    const reset = q('reset-form');
    expect(reset.textContent).toContain('重置 fuyang-clerk 的密码');
    fill(reset, 'password', 'short');
    await submit(reset);
    http.expectNone({ method: 'PATCH', url: '/api/v1/users/u-clerk' });
    fill(reset, 'password', 'a-new-long-password');
    await submit(reset);
    const pw = http.expectOne({
      method: 'PATCH',
      url: '/api/v1/users/u-clerk',
    });
    expect(pw.request.body).toEqual({ password: 'a-new-long-password' });
    pw.flush({ ...CLERK, active: false });
    await fixture.whenStable();
    expect(q('reset-form')).toBeNull();
    expect(el.textContent).toContain('已重置 fuyang-clerk 的密码');
    expect(el.textContent).not.toContain('a-new-long-password');

    // enabling needs no confirmation; the API's refusal is shown
    const ask = jest.spyOn(window, 'confirm');
    (
      el.querySelector(
        '[data-username="fuyang-clerk"] [data-testid="toggle-user"]',
      ) as HTMLButtonElement
    ).click();
    expect(ask).not.toHaveBeenCalled();
    ask.mockRestore();
    const enable = http.expectOne({
      method: 'PATCH',
      url: '/api/v1/users/u-clerk',
    });
    expect(enable.request.body).toEqual({ active: true });
    enable.flush(
      {
        statusCode: 403,
        error: 'Forbidden',
        message: 'A hall manager may change only the clerks of its own hall',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    expect(q('form-error').textContent).toContain('only the clerks');
    await settle();
    http.match(() => true);
  });

  it('lets an admin list everyone, but not disable itself', async () => {
    await open(testUser('admin', { username: 'admin' }));
    http
      .match((r) => r.url === '/api/v1/halls/h1/windows')
      .forEach((r) => r.flush([]));
    await tab('users');
    http
      .expectOne(
        (r) => r.url === '/api/v1/users' && r.params.get('hallId') === 'h1',
      )
      .flush({ items: [CLERK], total: 1 });
    await fixture.whenStable();
    expect(
      Array.from(el.querySelectorAll('[data-testid="user-role"] option')).map(
        (o) => (o as HTMLOptionElement).value,
      ),
    ).toEqual(['admin', 'reform_office', 'hall_manager', 'clerk']);

    const scope = q('user-scope') as HTMLSelectElement;
    scope.value = 'all';
    scope.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    http
      .expectOne(
        (r) => r.url === '/api/v1/halls' && r.params.get('limit') === '500',
      )
      .flush({
        items: [
          { id: 'h1', name: '富阳' },
          { id: 'h2', name: '义乌' },
        ],
        total: 2,
      });
    const all = http.expectOne((r) => r.url === '/api/v1/users');
    expect(all.request.params.has('hallId')).toBe(false);
    all.flush({
      items: [
        { id: 'u-admin', username: 'admin', role: 'admin', active: true },
        CLERK,
        {
          id: 'u-yw',
          username: 'yiwu-manager',
          role: 'hall_manager',
          hallId: 'h2',
          active: true,
        },
        {
          id: 'u-zj',
          username: 'zj-reform',
          role: 'reform_office',
          regionCode: '330000',
          active: true,
        },
      ],
      total: 600,
    });
    await fixture.whenStable();
    const row = (name: string) =>
      el.querySelector(
        `[data-testid="user-row"][data-username="${name}"]`,
      ) as HTMLElement;
    expect(row('yiwu-manager').textContent).toContain('义乌');
    expect(row('zj-reform').textContent).toContain('330000');
    expect(q('users-truncated').textContent).toContain('共 600 个');
    // every row editable for an admin, but its own login cannot be disabled
    const own = row('admin').querySelector(
      '[data-testid="toggle-user"]',
    ) as HTMLButtonElement;
    expect(own.disabled).toBe(true);
    expect(own.title).toContain('不能停用自己');
    expect(
      (
        row('yiwu-manager').querySelector(
          '[data-testid="toggle-user"]',
        ) as HTMLButtonElement
      ).disabled,
    ).toBe(false);
    await settle();
    http.match(() => true);
  });

  it('edits a staff member, sending only what changed', async () => {
    await open();
    http
      .match((r) => r.url === '/api/v1/halls/h1/windows')
      .forEach((r) => r.flush([]));
    await tab('staff');
    const staff = {
      items: [
        {
          id: 's1',
          name: '王丽',
          role: 'department_clerk',
          skills: ['tax'],
          active: true,
        },
        {
          id: 's2',
          name: '周敏',
          role: 'left',
          skills: [],
          active: false,
        },
      ],
      total: 2,
    };
    http.expectOne((r) => r.url === '/api/v1/halls/h1/staff').flush(staff);
    http
      .expectOne((r) => r.url === '/api/v1/halls/h1/reassignments')
      .flush({ items: [], total: 0 });
    await fixture.whenStable();
    // categories arrive for the skills boxes
    http
      .match('/api/v1/categories')
      .forEach((r) =>
        r.flush([{ code: 'tax', name: '税务', ticketPrefix: 'G' }]),
      );
    await fixture.whenStable();

    const editOf = (name: string) =>
      el.querySelector(
        `[data-testid="staff-row"][data-name="${name}"] [data-testid="edit-staff"]`,
      ) as HTMLButtonElement;
    editOf('王丽').click();
    await fixture.whenStable();
    let form = q('staff-edit-form');
    expect(form.textContent).toContain('编辑人员：王丽');
    expect((q('staff-edit-name') as HTMLInputElement).value).toBe('王丽');
    expect(
      (form.querySelector('input[name="skills"]') as HTMLInputElement).checked,
    ).toBe(true);
    // unchanged: nothing sent
    await submit(form);
    http.expectNone((r) => r.method === 'PATCH');
    expect(el.textContent).toContain('没有需要保存的修改');

    fill(form, 'name', '王丽华');
    (form.querySelector('input[name="skills"]') as HTMLInputElement).checked =
      false;
    (q('staff-edit-active') as HTMLInputElement).checked = false;
    await submit(form);
    const patch = http.expectOne({
      method: 'PATCH',
      url: '/api/v1/halls/h1/staff/s1',
    });
    expect(patch.request.body).toEqual({
      name: '王丽华',
      skills: [],
      active: false,
    });
    patch.flush({
      ...staff.items[0],
      name: '王丽华',
      skills: [],
      active: false,
    });
    http.expectOne((r) => r.url === '/api/v1/halls/h1/staff').flush(staff);
    http
      .expectOne((r) => r.url === '/api/v1/halls/h1/reassignments')
      .flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect(q('staff-edit-form')).toBeNull();
    expect(el.textContent).toContain('已保存 王丽华 的信息');

    // somebody who left: active cannot be ticked (a move brings them back)
    editOf('周敏').click();
    await fixture.whenStable();
    form = q('staff-edit-form');
    expect((q('staff-edit-active') as HTMLInputElement).disabled).toBe(true);
    expect(form.textContent).toContain('需登记转岗');
    fill(form, 'name', '周敏敏');
    await submit(form);
    expect(
      http.expectOne({ method: 'PATCH', url: '/api/v1/halls/h1/staff/s2' })
        .request.body,
    ).toEqual({ name: '周敏敏' });
    await settle();
    http.match(() => true);
  });

  it('changes a target through PATCH /targets/{id}, clearing emptied fields', async () => {
    await open();
    http
      .match((r) => r.url === '/api/v1/halls/h1/windows')
      .forEach((r) => r.flush([]));
    await tab('targets');
    const target: TargetView = {
      id: 't1',
      scope: { hallId: 'h1' },
      metric: 'windows',
      comparison: 'lt',
      value: 30,
      parameter: null,
      dueDate: '2020-12-31',
      note: '年底前缩减至30个以内',
      actual: null,
      status: 'no_data',
    };
    http
      .expectOne((r) => r.url === '/api/v1/halls/h1/targets')
      .flush({ items: [target], total: 1 });
    await fixture.whenStable();
    (q('edit-target') as HTMLButtonElement).click();
    await fixture.whenStable();
    const form = q('target-edit-form');
    expect(form.textContent).toContain('修改目标：窗口数');
    expect((q('target-edit-value') as HTMLInputElement).value).toBe('30');
    expect((q('target-edit-due') as HTMLInputElement).value).toBe('2020-12-31');
    fill(form, 'value', '28');
    fill(form, 'dueDate', '2021-06-30');
    fill(form, 'note', '');
    (form.querySelector('[name="comparison"]') as HTMLSelectElement).value =
      'le';
    await submit(form);
    const patch = http.expectOne({
      method: 'PATCH',
      url: '/api/v1/targets/t1',
    });
    expect(patch.request.body).toEqual({
      comparison: 'le',
      value: 28,
      dueDate: '2021-06-30',
      note: null,
    });
    patch.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid input: dueDate',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    // the form stays open with the API's message
    expect(q('form-error').textContent).toContain('Invalid input: dueDate');
    expect(q('target-edit-form')).not.toBeNull();
    await submit(q('target-edit-form'));
    http
      .expectOne({ method: 'PATCH', url: '/api/v1/targets/t1' })
      .flush({ ...target, comparison: 'le', value: 28, note: null });
    http
      .expectOne((r) => r.url === '/api/v1/halls/h1/targets')
      .flush({ items: [{ ...target, value: 28 }], total: 1 });
    await fixture.whenStable();
    expect(q('target-edit-form')).toBeNull();
    expect(q('form-ok').textContent).toContain('目标已更新');
    await settle();
    http.match(() => true);
  });
});
