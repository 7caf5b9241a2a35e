import type { DeviceKind, Role } from '@onewindow/contracts';

export interface UserPrincipal {
  type: 'user';
  id: string;
  username: string;
  role: Role;
  hallId: string | null;
  regionCode: string | null;
}

export interface DevicePrincipal {
  type: 'device';
  id: string;
  kind: DeviceKind;
  hallId: string;
  name: string;
  /** The window a rating pad is bound to; null for every other kind. */
  windowId: string | null;
}

export type Principal = UserPrincipal | DevicePrincipal;

/** What a route asks of its caller; checked by the global AuthGuard. */
export interface AccessRule {
  /** People roles allowed (default: every role). Empty array: no people. */
  roles?: Role[];
  /** Device kinds allowed (default: none). */
  devices?: DeviceKind[];
  /** Route parameter naming the hall the call acts on, and the level of access needed there. */
  hall?: { param: string; level: HallAccessLevel };
}

/**
 * read: look at a hall (reform office of its region, its manager and clerks, its devices);
 * operate: run the queue (clerks, managers, devices of the allowed kinds);
 * manage: change the hall's configuration (its manager, admins).
 */
export type HallAccessLevel = 'read' | 'operate' | 'manage';

export interface AuthenticatedRequest {
  principal?: Principal;
  id?: string;
}
