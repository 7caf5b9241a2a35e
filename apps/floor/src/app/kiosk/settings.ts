/** What the kiosk remembers on the device (localStorage). */
export const ELDERLY_KEY = 'ow.kiosk.elderly';
export const PAPER_KEY = 'ow.kiosk.paper';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function readSetting(
  key: string,
  storage: Store | null = local(),
): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeSetting(
  key: string,
  value: string,
  storage: Store | null = local(),
): void {
  try {
    storage?.setItem(key, value);
  } catch {
    /* private mode */
  }
}

/** Senior mode, as last left on this kiosk. */
export function readElderly(storage: Store | null = local()): boolean {
  return readSetting(ELDERLY_KEY, storage) === '1';
}

/**
 * The receipt's paper width (mm): the pairing link's `paper=…` first, else the one remembered;
 * 58 mm only when asked for, else 80 mm.
 */
export function paperWidth(
  fromLink: string | null,
  remembered: string | null,
): '58' | '80' {
  return (fromLink ?? remembered) === '58' ? '58' : '80';
}

function local(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}
