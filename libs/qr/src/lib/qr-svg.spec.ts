import { qrSvg } from './qr-svg';

/** Which modules a path paints (each `M x y h w v1 h-w z` a run of w dark modules). */
function painted(path: string): Set<string> {
  const dark = new Set<string>();
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < w; i++) dark.add(`${x + i},${y}`);
  }
  return dark;
}

describe('qrSvg', () => {
  it('draws the three finder patterns inside a 4-module quiet zone', () => {
    const { size, path } = qrSvg(
      'http://127.0.0.1:3000/t/abcdefghijklmnopqrstuvwxyz012345',
    );
    const dark = painted(path);
    const n = size - 8;
    expect((n - 17) % 4).toBe(0); // a QR version: 21, 25, 29 … modules
    for (const [x0, y0] of [
      [4, 4],
      [4 + n - 7, 4],
      [4, 4 + n - 7],
    ]) {
      // the 7×7 finder: dark ring, light ring, dark 3×3 centre
      for (let i = 0; i < 7; i++) {
        expect(dark.has(`${x0 + i},${y0}`)).toBe(true);
        expect(dark.has(`${x0},${y0 + i}`)).toBe(true);
      }
      expect(dark.has(`${x0 + 1},${y0 + 1}`)).toBe(false);
      expect(dark.has(`${x0 + 3},${y0 + 3}`)).toBe(true);
    }
    // nothing in the quiet zone
    for (const key of dark) {
      const [x, y] = key.split(',').map(Number);
      expect(x >= 4 && y >= 4 && x < size - 4 && y < size - 4).toBe(true);
    }
  });

  it('grows with the text it holds', () => {
    expect(qrSvg('x'.repeat(200)).size).toBeGreaterThan(qrSvg('x').size);
  });
});
