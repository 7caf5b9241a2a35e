import { readSound, saveSound } from './sound-setting';

describe('the sound switch', () => {
  it('is on unless it was switched off on this device', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    expect(readSound(storage)).toBe(true);
    saveSound(false, storage);
    expect(data.get('ow.board.sound')).toBe('off');
    expect(readSound(storage)).toBe(false);
    saveSound(true, storage);
    expect(readSound(storage)).toBe(true);
  });

  it('is on where storage is blocked, and a blocked save changes nothing', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readSound(blocked)).toBe(true);
    expect(() => saveSound(false, blocked)).not.toThrow();
    expect(readSound(null)).toBe(true);
  });
});
