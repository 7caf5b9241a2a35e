import { ComponentFixture, TestBed } from '@angular/core/testing';
import {
  blobText,
  drawCharts,
  settle,
  testProviders,
} from '../../testing/test-providers';
import { ChartCard, ChartClick, countPoints } from './chart-card';
import { ChartOption } from './chart-option';

const OPTION: ChartOption = {
  animation: false,
  legend: {},
  xAxis: { type: 'category', data: ['a', 'b', 'c'] },
  yAxis: { type: 'value' },
  series: [
    { type: 'bar', id: 'region:330100', name: '杭州市', data: [1, 2, 3] },
    { type: 'line', name: 'gaps', data: [1, null, 3] },
  ],
};

describe('ChartCard', () => {
  let fixture: ComponentFixture<ChartCard>;
  let el: HTMLElement;
  const body = () => el.querySelector('[data-testid="c"]') as HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ChartCard],
      providers: testProviders(),
    });
    fixture = TestBed.createComponent(ChartCard);
    el = fixture.nativeElement;
    fixture.componentRef.setInput('testId', 'c');
    fixture.componentRef.setInput('heading', '窗口数量');
    fixture.componentRef.setInput('lang', 'zh-CN');
    fixture.componentRef.setInput('fileName', 'windows_浙江省');
    fixture.componentRef.setInput('option', OPTION);
    fixture.componentRef.setInput('table', {
      header: ['时段', '杭州市'],
      rows: [
        ['a', 1],
        ['b', null],
      ],
    });
  });

  async function ready(): Promise<void> {
    fixture.componentRef.setInput('status', 'ready');
    await fixture.whenStable();
    await drawCharts(fixture);
  }

  it('draws the option as SVG, counts its values and labels it for screen readers', async () => {
    fixture.componentRef.setInput('label', '窗口由 908 个减至 476 个');
    await ready();
    expect(body().getAttribute('data-chart-state')).toBe('rendered');
    expect(body().getAttribute('data-points')).toBe('5');
    expect(body().getAttribute('data-locale')).toBe('ZH');
    expect(body().querySelectorAll('svg path').length).toBeGreaterThan(3);
    const chart = body().querySelector('[role="img"]');
    expect(chart?.getAttribute('aria-label')).toBe('窗口由 908 个减至 476 个');
    expect(el.querySelector('h2')?.textContent).toContain('窗口数量');
  });

  it('shows loading, empty and error states instead of an empty chart', async () => {
    await fixture.whenStable();
    expect(body().getAttribute('data-chart-state')).toBe('loading');
    expect(body().textContent).toContain('正在加载');
    fixture.componentRef.setInput('status', 'empty');
    await fixture.whenStable();
    expect(body().textContent).toContain('该时段没有数据');
    fixture.componentRef.setInput('status', 'error');
    fixture.componentRef.setInput('message', '没有权限查看：not your hall');
    await fixture.whenStable();
    expect(body().querySelector('[role="alert"]')?.textContent).toContain(
      'not your hall',
    );
    expect(body().querySelector('svg')).toBeNull();
    const [png, csv] = Array.from(el.querySelectorAll('button'));
    expect(png.disabled && csv.disabled).toBe(true);
  });

  it('exports the data as CSV and the chart as PNG', async () => {
    await ready();
    const blobs: Blob[] = [];
    const names: string[] = [];
    const hrefs: string[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((b: Blob) => {
        blobs.push(b);
        return 'blob:x';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        names.push(this.download);
        hrefs.push(this.href);
      });
    (el.querySelector('[data-testid="c-csv"]') as HTMLButtonElement).click();
    (el.querySelector('[data-testid="c-png"]') as HTMLButtonElement).click();
    expect(names).toEqual(['windows_浙江省.csv', 'windows_浙江省.png']);
    // (FileReader drops the byte-order mark; toCsv's test checks it)
    expect((await blobText(blobs[0])).replace(/^\uFEFF/, '')).toBe(
      '时段,杭州市\r\na,1\r\nb,\r\n',
    );
    // the SVG renderer of the tests gives an SVG data URL; the browser's canvas a PNG
    expect(hrefs[1]).toMatch(/^data:image\//);
    click.mockRestore();
    await settle();
  });

  it('re-creates the chart with the ECharts locale of a new language', async () => {
    await ready();
    fixture.componentRef.setInput('lang', 'en');
    await fixture.whenStable();
    await drawCharts(fixture);
    expect(body().getAttribute('data-locale')).toBe('EN');
    expect(body().getAttribute('data-chart-state')).toBe('rendered');
  });

  it('tells which series was clicked and disposes the chart when destroyed', async () => {
    await ready();
    const clicks: ChartClick[] = [];
    fixture.componentInstance.chartClick.subscribe((c) => clicks.push(c));
    (
      fixture.componentInstance as unknown as { onClick(e: unknown): void }
    ).onClick({
      seriesId: 'region:330100',
      seriesName: '杭州市',
      dataIndex: 1,
    });
    expect(clicks).toEqual([
      {
        seriesId: 'region:330100',
        seriesName: '杭州市',
        name: null,
        dataIndex: 1,
      },
    ]);
    const chart = body();
    fixture.destroy();
    expect(chart.querySelector('svg')).toBeNull();
  });

  it('shows the data as a table when asked', async () => {
    await ready();
    const details = el.querySelector('details') as HTMLDetailsElement;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await fixture.whenStable();
    expect(
      Array.from(details.querySelectorAll('td')).map((td) => td.textContent),
    ).toEqual(['a', '1', 'b', '—']);
  });
});

describe('countPoints', () => {
  it('counts values of every series, not gaps, plus Sankey links', () => {
    expect(countPoints(OPTION)).toBe(5);
    expect(
      countPoints({
        series: [
          { data: [['2020-01-01', 1], ['2020-01-02', null], { value: 3 }] },
          { data: [{ name: 'a' }], links: [{}, {}] },
        ],
      }),
    ).toBe(5);
    expect(countPoints(null)).toBe(0);
  });
});
