import { createHash, randomBytes } from 'node:crypto';

/** Device tokens: `owd_` + 32 random bytes (base64url). High entropy, so SHA-256 suffices to store them. */
export const DEVICE_TOKEN_PREFIX = 'owd_';

export function newDeviceToken(): string {
  return DEVICE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeDeviceToken(token: string): boolean {
  return (
    token.startsWith(DEVICE_TOKEN_PREFIX) &&
    token.length === DEVICE_TOKEN_PREFIX.length + 43
  );
}
