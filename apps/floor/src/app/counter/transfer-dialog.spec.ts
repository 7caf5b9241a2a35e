import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ServiceItemView, TicketView } from '@onewindow/contracts';
import { setLang } from '../core/i18n';
import { TransferDialog } from './transfer-dialog';

const item = (code: string, name: string) =>
  ({ code, name, category: { code: 'mi', name: '医保' } }) as ServiceItemView;

@Component({
  imports: [TransferDialog],
  template: `
    @if (open()) {
      <ow-transfer-dialog
        [ticket]="ticket"
        [find]="find"
        (picked)="picked.push($event)"
        (dismissed)="open.set(false)"
      />
    }
  `,
})
class Host {
  readonly open = signal(true);
  readonly ticket = { id: 't23', number: 'A023' } as TicketView;
  readonly picked: ServiceItemView[] = [];
  readonly asked: string[] = [];
  results = [item('YB-0002', '医保关系转移'), item('YB-0003', '医保报销')];
  readonly find = async (q: string) => {
    this.asked.push(q);
    return this.results;
  };
}

describe('TransferDialog', () => {
  beforeEach(() => setLang('zh'));

  async function mount() {
    const fixture = TestBed.createComponent(Host);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const search = el.querySelector<HTMLInputElement>(
      '[data-testid="transfer-search"]',
    ) as HTMLInputElement;
    return { fixture, el, search };
  }

  it('opens with the focus in the search field, titled with the ticket', async () => {
    const { fixture, el, search } = await mount();
    expect(document.activeElement).toBe(search);
    expect(el.querySelector('[role="dialog"]')?.textContent).toContain(
      '转办 A023',
    );
    fixture.destroy();
  });

  it('Enter takes the first item, searching at once when typing has not paused', async () => {
    const { fixture, el, search } = await mount();
    search.value = '医保';
    search.dispatchEvent(new Event('input'));
    search.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }),
    );
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r, 0));
    expect(fixture.componentInstance.asked).toEqual(['医保']);
    expect(fixture.componentInstance.picked.map((i) => i.code)).toEqual([
      'YB-0002',
    ]);
    await fixture.whenStable();
    const options = el.querySelectorAll('[data-testid="transfer-option"]');
    expect(options).toHaveLength(2);
    expect(options[0].classList).toContain('first');
    fixture.destroy();
  });

  it('says when nothing matched, and closes with Cancel', async () => {
    const { fixture, el, search } = await mount();
    fixture.componentInstance.results = [];
    search.value = 'zzz';
    search.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 300));
    await fixture.whenStable();
    expect(el.textContent).toContain('没有找到匹配的事项');
    const cancel = [...el.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('取消'),
    );
    cancel?.click();
    await fixture.whenStable();
    expect(el.querySelector('[role="dialog"]')).toBeNull();
    fixture.destroy();
  });
});
