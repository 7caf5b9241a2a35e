import { signal } from '@angular/core';

/** The floor's languages: Chinese first, English second. */
export type Lang = 'zh' | 'en';

const KEY = 'ow.lang';

function initial(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** The language of every floor page (remembered on the device). */
export const lang = signal<Lang>(initial());
document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';

export function setLang(next: Lang): void {
  lang.set(next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(KEY, next);
  } catch {
    /* private mode: the choice lasts this page */
  }
}

export type Messages = Record<string, string>;

/**
 * A page's messages in both languages, looked up by key; `{name}` placeholders are filled from
 * `params`. Reading the language signal, a template that calls it follows a switch at once. Each
 * page carries only its own messages, so the ticket page on a phone stays small.
 */
export function translator<T extends Messages>(messages: { zh: T; en: T }) {
  return (key: keyof T & string, params?: Record<string, string | number>) => {
    const text = messages[lang()][key] ?? key;
    return params
      ? text.replace(/\{(\w+)\}/g, (m, name: string) =>
          name in params ? String(params[name]) : m,
        )
      : text;
  };
}

/** "5号窗口" as the floor says it: the label as given when it names a window, else "5 号窗口". */
export function windowPhrase(label: string, language: Lang = lang()): string {
  if (language === 'en') {
    const n = /^(\w+?)\s*号窗口$/.exec(label);
    return `window ${n ? n[1] : label}`;
  }
  return /窗口$/.test(label) ? label : `${label} 号窗口`;
}
