import { en } from './en';
import { zhCN } from './zh-cn';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [`${prefix}${k}`]
      : keys(v as object, `${prefix}${k}.`),
  );
}

function params(text: string): string[] {
  return (text.match(/\{\{\s*\w+\s*\}\}/g) ?? [])
    .map((p) => p.replace(/\s/g, ''))
    .sort();
}

describe('translations', () => {
  it('have the same keys in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('use the same parameters in both languages', () => {
    const get = (obj: object, key: string) =>
      key
        .split('.')
        .reduce<unknown>(
          (o, k) => (o as Record<string, unknown>)[k],
          obj,
        ) as string;
    for (const key of keys(zhCN))
      expect([key, params(get(en, key))]).toEqual([
        key,
        params(get(zhCN, key)),
      ]);
  });
});
