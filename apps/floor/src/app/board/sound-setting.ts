const SOUND_KEY = 'ow.board.sound';

/** Whether the board reads calls out (remembered on the device; on unless switched off). */
export function readSound(
  storage: Pick<Storage, 'getItem'> | null = local(),
): boolean {
  try {
    return storage?.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function saveSound(
  on: boolean,
  storage: Pick<Storage, 'setItem'> | null = local(),
): void {
  try {
    storage?.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    /* private mode: the choice lasts this page */
  }
}

function local(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}
