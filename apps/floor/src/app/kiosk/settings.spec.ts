import {
  ELDERLY_KEY,
  paperWidth,
  readElderly,
  readSetting,
  writeSetting,
} from './settings';

describe('kiosk settings', () => {
  const memory = () => {
    const data = new Map<string, string>();
    return {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
  };

  it('remembers senior mode on the device', () => {
    const storage = memory();
    expect(readElderly(storage)).toBe(false);
    writeSetting(ELDERLY_KEY, '1', storage);
    expect(readElderly(storage)).toBe(true);
    writeSetting(ELDERLY_KEY, '0', storage);
    expect(readElderly(storage)).toBe(false);
  });

  it('reads nothing, and keeps going, where storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readSetting(ELDERLY_KEY, blocked)).toBeNull();
    expect(() => writeSetting(ELDERLY_KEY, '1', blocked)).not.toThrow();
    expect(readElderly(null)).toBe(false);
  });

  it("takes the pairing link's paper first, else the remembered one; 80 mm unless 58", () => {
    expect(paperWidth('58', '80')).toBe('58');
    expect(paperWidth('80', '58')).toBe('80');
    expect(paperWidth(null, '58')).toBe('58');
    expect(paperWidth(null, null)).toBe('80');
    expect(paperWidth('A4', null)).toBe('80');
  });
});
