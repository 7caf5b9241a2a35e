import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { LoadState } from '../../core/api/loader';
import { testProviders } from '../../../testing/test-providers';
import { AdminCell } from './admin-cell';
import { AdminColumn, AdminTable } from './admin-table';

interface Row {
  id: string;
  label: string;
  mode: 'department' | 'comprehensive';
  count: number;
}

const ROWS: Row[] = [
  { id: 'w1', label: 'A1', mode: 'department', count: 12 },
  { id: 'w2', label: 'B2', mode: 'comprehensive', count: 3 },
];

@Component({
  imports: [AdminTable, AdminCell],
  template: `
    <app-admin-table
      testId="t"
      [columns]="columns"
      [rows]="rows()"
      [state]="state()"
      [empty]="empty()"
      [emptyAs]="emptyAs()"
      lang="zh-CN"
      [rowAttrs]="attrs"
    >
      <ng-template appAdminCell="actions" [appAdminCellOf]="rows()" let-r>
        <button type="button" (click)="clicked.set(r.label)">
          {{ r.label }}
        </button>
      </ng-template>
    </app-admin-table>
  `,
})
class Host {
  readonly rows = signal<Row[]>([]);
  readonly state = signal<LoadState<unknown>>({ status: 'loading' });
  readonly empty = signal('');
  readonly emptyAs = signal<'row' | 'text'>('row');
  readonly clicked = signal<string | null>(null);
  readonly columns: AdminColumn<Row>[] = [
    { header: 'admin.windowLabel', text: (r) => r.label, rowHeader: true },
    { header: 'admin.mode', key: (r) => `windowMode.${r.mode}` },
    { header: 'common.total', text: (r) => String(r.count), class: 'num' },
    { header: 'common.actions', cell: 'actions' },
  ];
  readonly attrs = (r: Row) => ({
    'data-testid': 'row',
    'data-label': r.label,
  });
}

describe('AdminTable', () => {
  async function render(setup: (host: Host) => void) {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: testProviders(),
    });
    const fixture = TestBed.createComponent(Host);
    setup(fixture.componentInstance);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }
  const ready: LoadState<unknown> = {
    status: 'ready',
    data: null,
    loadedAt: new Date(),
  };

  it('says it is loading until the rows are there', async () => {
    const { el } = await render(() => undefined);
    expect(el.querySelector('table')).toBeNull();
    expect(el.textContent).toContain('正在加载');
  });

  it('shows the load’s error as an alert, a 403 as not allowed', async () => {
    const { el } = await render((h) =>
      h.state.set({
        status: 'error',
        message: 'not your hall',
        httpStatus: 403,
      }),
    );
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('没有权限查看');
    expect(alert?.textContent).toContain('not your hall');
    expect(el.querySelector('table')).toBeNull();
  });

  it('renders the rows from the column definitions', async () => {
    const { fixture, el } = await render((h) => {
      h.rows.set(ROWS);
      h.state.set(ready);
    });
    const table = el.querySelector('table[data-testid="t"]') as HTMLElement;
    expect(
      Array.from(table.querySelectorAll('thead th')).map((th) => [
        th.getAttribute('scope'),
        th.textContent?.trim(),
        th.classList.contains('num'),
      ]),
    ).toEqual([
      ['col', '窗口编号', false],
      ['col', '模式', false],
      ['col', '合计', true],
      ['col', '操作', false],
    ]);
    const rows = table.querySelectorAll<HTMLElement>('tbody tr');
    expect(rows).toHaveLength(2);
    // the row's own attributes, its heading cell, a translated key, a number cell
    expect(rows[1].dataset['testid']).toBe('row');
    expect(rows[1].dataset['label']).toBe('B2');
    const [head, ...cells] = Array.from(rows[1].children) as HTMLElement[];
    expect(head.tagName).toBe('TH');
    expect(head.getAttribute('scope')).toBe('row');
    expect(head.textContent?.trim()).toBe('B2');
    expect(cells.map((c) => c.textContent?.trim())).toEqual([
      '综合窗口',
      '3',
      'B2',
    ]);
    expect(cells[1].classList.contains('num')).toBe(true);
    // the cell template gets its row
    (cells[2].querySelector('button') as HTMLButtonElement).click();
    expect(fixture.componentInstance.clicked()).toBe('B2');
  });

  it('shows the empty text as a row of the table, or instead of it', async () => {
    const { fixture, el } = await render((h) => {
      h.state.set(ready);
      h.empty.set('admin.usersEmpty');
    });
    const cell = el.querySelector('tbody td') as HTMLTableCellElement;
    expect(cell.textContent).toContain('没有用户');
    expect(cell.colSpan).toBe(4);

    fixture.componentInstance.emptyAs.set('text');
    await fixture.whenStable();
    expect(el.querySelector('table')).toBeNull();
    expect(el.querySelector('p.muted')?.textContent).toContain('没有用户');
  });

  it('leaves the body empty when no empty text is given', async () => {
    const { el } = await render((h) => h.state.set(ready));
    expect(el.querySelector('table[data-testid="t"]')).not.toBeNull();
    expect(el.querySelectorAll('tbody tr')).toHaveLength(0);
  });
});
