import type { DeviceKind, OpeningHours } from '@onewindow/contracts';
import { Queries } from './queries';

/** A device that is not revoked, as a device token resolves to it. */
export interface ActiveDeviceRow {
  id: string;
  kind: DeviceKind;
  hall_id: string;
  name: string;
  window_id: string | null;
  last_seen_at: Date | null;
}

/** The hall of a device and the label of its window (null without one), as the device shows them. */
export interface DeviceHallRow {
  name: string;
  timezone: string;
  opening_hours: OpeningHours;
  window_label: string | null;
}

/**
 * Paired devices (kiosks, rating pads, boards, sensors): the lookup behind every device token and
 * what a device shows about itself. Pairing and revoking go through DeviceEntity (DevicesService).
 */
export class DeviceQueries extends Queries {
  /**
   * The device whose token hashes to `tokenHash`, unless revoked. Runs on every kiosk, sensor and
   * board request: one indexed read.
   */
  activeByTokenHash(tokenHash: string): Promise<ActiveDeviceRow | undefined> {
    return this.row<ActiveDeviceRow>(
      'SELECT id, kind, hall_id, name, window_id, last_seen_at FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    );
  }

  /** A device's hall and the label of its window (`windowId` null: no window). */
  async hallOf(
    hallId: string,
    windowId: string | null,
  ): Promise<DeviceHallRow> {
    const [row] = await this.rows<DeviceHallRow>(
      `SELECT h.name, h.timezone, h.opening_hours, w.label AS window_label
       FROM halls h LEFT JOIN windows w ON w.id = $2
       WHERE h.id = $1`,
      [hallId, windowId],
    );
    return row;
  }
}
