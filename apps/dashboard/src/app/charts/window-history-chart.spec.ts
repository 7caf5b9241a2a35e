import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { WindowHistoryDay } from '@onewindow/contracts';
import { settle, testProviders } from '../../testing/test-providers';
import { WindowHistoryChart } from './window-history-chart';

const DAYS: WindowHistoryDay[] = [
  { date: '2020-01-01', department: 10, comprehensive: 2, total: 12 },
  { date: '2020-02-01', department: 8, comprehensive: 4, total: 12 },
  { date: '2020-03-01', department: 6, comprehensive: 5, total: 11 },
];

describe('WindowHistoryChart', () => {
  let fixture: ComponentFixture<WindowHistoryChart>;

  async function render(lang: 'zh-CN' | 'en'): Promise<HTMLElement> {
    fixture.componentRef.setInput('lang', lang);
    await fixture.whenStable();
    // ngx-echarts initialises the chart in a timeout after the view
    for (let i = 0; i < 20; i++) {
      await settle(1);
      fixture.detectChanges();
      const chart = fixture.nativeElement.querySelector(
        '[data-testid="window-history-chart"]',
      ) as HTMLElement;
      if (chart.getAttribute('data-chart-state') === 'rendered') return chart;
    }
    throw new Error('chart never finished rendering');
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [WindowHistoryChart],
      providers: testProviders(),
    });
    fixture = TestBed.createComponent(WindowHistoryChart);
    fixture.componentRef.setInput('days', DAYS);
    fixture.componentRef.setInput('label', 'windows');
  });

  it('draws the series as SVG with the ECharts locale of the language', async () => {
    const chart = await render('zh-CN');
    expect(chart.getAttribute('data-points')).toBe('3');
    expect(chart.getAttribute('data-locale')).toBe('ZH');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.querySelectorAll('svg path').length).toBeGreaterThan(3);
    expect(chart.textContent).toContain('部门窗口');
  });

  it('re-creates the chart in English when the language changes', async () => {
    await render('zh-CN');
    const chart = await render('en');
    expect(chart.getAttribute('data-locale')).toBe('EN');
    expect(chart.textContent).toContain('Department windows');
    expect(chart.textContent).not.toContain('部门窗口');
  });

  it('disposes the chart when destroyed', async () => {
    const chart = await render('zh-CN');
    fixture.destroy();
    expect(chart.querySelector('svg')).toBeNull();
  });
});
