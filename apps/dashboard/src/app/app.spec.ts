import { TestBed } from '@angular/core/testing';
import { testProviders } from '../testing/test-providers';
import { App } from './app';
import { LanguageService } from './core/i18n/language.service';
import { NoticeService } from './core/notice/notice.service';

describe('App', () => {
  beforeEach(() => localStorage.clear());

  it('shows a "not allowed" notice in the current language until dismissed', async () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: testProviders(),
    });
    const fixture = TestBed.createComponent(App);
    const el: HTMLElement = fixture.nativeElement;
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="notice"]')).toBeNull();

    TestBed.inject(NoticeService).show({
      kind: 'error',
      key: 'notice.forbidden',
      params: { message: 'not your hall' },
    });
    await fixture.whenStable();
    const notice = el.querySelector('[data-testid="notice"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('没有权限：not your hall');

    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(notice?.textContent).toContain('Not allowed: not your hall');

    el.querySelector<HTMLButtonElement>(
      '[data-testid="notice"] button',
    )?.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="notice"]')).toBeNull();
  });
});
