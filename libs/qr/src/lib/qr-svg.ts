import qrcode from 'qrcode-generator';

/** A QR code as an SVG path: draw `path` in a `0 0 size size` viewBox, dark on light. */
export interface QrSvg {
  /** modules per side, the quiet zone included */
  size: number;
  path: string;
}

/**
 * Encodes `text` (UTF-8, error correction level M, the smallest version that holds it) as one SVG
 * path of unit squares, with the 4-module quiet zone scanners need around it.
 */
export function qrSvg(text: string, quietZone = 4): QrSvg {
  const qr = qrcode(0, 'M');
  // byte mode reads one character per byte: hand it the UTF-8 bytes
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (!qr.isDark(row, col)) continue;
      // a run of dark modules in a row as one rectangle
      let end = col;
      while (end + 1 < n && qr.isDark(row, end + 1)) end++;
      path += `M${col + quietZone} ${row + quietZone}h${end - col + 1}v1h-${end - col + 1}z`;
      col = end;
    }
  }
  return { size: n + 2 * quietZone, path };
}
