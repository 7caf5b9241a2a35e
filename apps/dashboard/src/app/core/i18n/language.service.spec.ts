import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { testProviders } from '../../../testing/test-providers';
import { LanguageSwitch } from './language-switch';
import { LANG_STORAGE_KEY, LanguageService } from './language.service';
import { echartsLocale } from './languages';

describe('LanguageService and the switch', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  function setUp() {
    TestBed.configureTestingModule({
      imports: [LanguageSwitch],
      providers: testProviders(),
    });
    return {
      language: TestBed.inject(LanguageService),
      transloco: TestBed.inject(TranslocoService),
    };
  }

  it('starts in Chinese', () => {
    const { language, transloco } = setUp();
    expect(language.lang()).toBe('zh-CN');
    expect(transloco.getActiveLang()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('starts in the language remembered', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    expect(setUp().language.lang()).toBe('en');
  });

  it('ignores an unknown remembered language', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'fr');
    expect(setUp().language.lang()).toBe('zh-CN');
  });

  it('switches with the header button, remembers the choice and translates', async () => {
    const { language, transloco } = setUp();
    const fixture = TestBed.createComponent(LanguageSwitch);
    await fixture.whenStable();
    const button = (fixture.nativeElement as HTMLElement).querySelector(
      'button',
    );
    if (!button) throw new Error('no button');
    expect(button.textContent?.trim()).toBe('English');
    expect(button.getAttribute('lang')).toBe('en');

    button.click();
    await fixture.whenStable();
    expect(language.lang()).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(transloco.translate('nav.hall')).toBe('Hall overview');
    expect(button.textContent?.trim()).toBe('中文');

    button.click();
    await fixture.whenStable();
    expect(language.lang()).toBe('zh-CN');
    expect(transloco.translate('nav.hall')).toBe('大厅概览');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('zh-CN');
  });

  it('maps the UI language to the ECharts locale', () => {
    expect(echartsLocale('zh-CN')).toBe('ZH');
    expect(echartsLocale('en')).toBe('EN');
  });
});
