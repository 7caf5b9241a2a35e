import { createHash } from 'node:crypto';

/** Namespace of every name-based id of the demo data set (an arbitrary fixed UUID). */
export const DEMO_NAMESPACE = '6f1c2b7e-93a4-4d1e-8b5a-330000202009';

const NS_BYTES = Buffer.from(DEMO_NAMESPACE.replace(/-/g, ''), 'hex');

/** RFC 4122 version 5 (SHA-1, name-based) UUID: the same name always gives the same id. */
export function uuidV5(name: string, namespace: Buffer = NS_BYTES): string {
  const h = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const hallId = (hallKey: string): string => uuidV5(`hall/${hallKey}`);
export const windowId = (hallKey: string, label: string): string =>
  uuidV5(`window/${hallKey}/${label}`);
export const staffId = (hallKey: string, n: number): string =>
  uuidV5(`staff/${hallKey}/${n}`);
export const userId = (username: string): string => uuidV5(`user/${username}`);
