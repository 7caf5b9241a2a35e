import { signal } from '@angular/core';
import type { DeviceKind, DeviceSelf } from '@onewindow/contracts';
import { api, ApiError } from './api';

const storageKey = (kind: DeviceKind) => `ow.device.${kind}`;

/**
 * Takes a pairing link's token (`/kiosk#token=owd_…`) into the device's storage and removes it from
 * the address bar at once (it never travels in a URL to the server); returns the stored token.
 * Other `#` settings of the link (e.g. `paper=58`) are returned too.
 */
export function takePairing(kind: DeviceKind): {
  token: string | null;
  settings: URLSearchParams;
} {
  const settings = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fresh = settings.get('token');
  if (location.hash)
    history.replaceState(null, '', location.pathname + location.search);
  try {
    if (fresh && /^owd_[A-Za-z0-9_-]{43}$/.test(fresh))
      localStorage.setItem(storageKey(kind), fresh);
    settings.delete('token');
    return { token: localStorage.getItem(storageKey(kind)), settings };
  } catch {
    return { token: fresh, settings };
  }
}

export function forgetPairing(kind: DeviceKind): void {
  try {
    localStorage.removeItem(storageKey(kind));
  } catch {
    /* nothing stored */
  }
}

/** unpaired: no token · checking · ready · revoked: the API refused the token (401) · wrongKind · offline */
export type DeviceStatus =
  | 'unpaired'
  | 'checking'
  | 'ready'
  | 'revoked'
  | 'wrongKind'
  | 'offline';

/**
 * A paired device of one kind: its token and what the API says about it (`GET /devices/me`). A
 * revoked token is forgotten, so the page asks for a new pairing; while the API is unreachable it
 * keeps trying.
 */
export class DeviceSession {
  readonly status = signal<DeviceStatus>('checking');
  readonly self = signal<DeviceSelf | null>(null);
  readonly settings: URLSearchParams;
  private token: string | null;

  constructor(readonly kind: DeviceKind) {
    const paired = takePairing(kind);
    this.token = paired.token;
    this.settings = paired.settings;
    if (!this.token) this.status.set('unpaired');
  }

  get bearer(): string | null {
    return this.token;
  }

  /** Checks the token with the API, retrying every few seconds while it cannot be reached. */
  async start(retryMs = 5000): Promise<DeviceSelf | null> {
    for (;;) {
      if (!this.token) {
        this.status.set('unpaired');
        return null;
      }
      try {
        const me = await api<DeviceSelf>('/devices/me', { token: this.token });
        if (me.kind !== this.kind) {
          this.status.set('wrongKind');
          return null;
        }
        this.self.set(me);
        this.status.set('ready');
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          this.revoked();
          return null;
        }
        this.status.set('offline');
        await new Promise((r) => setTimeout(r, retryMs));
      }
    }
  }

  /** The API refused the token: forget it and ask for a new pairing. */
  revoked(): void {
    forgetPairing(this.kind);
    this.token = null;
    this.self.set(null);
    this.status.set('revoked');
  }
}
