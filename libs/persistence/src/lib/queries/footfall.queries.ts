import { Queries } from './queries';

/** One count of a door sensor over a period. */
export interface FootfallCount {
  hallId: string;
  sensorId: string;
  periodStart: Date;
  periodEnd: Date;
  entries: number;
  exits: number | null;
}

/** Footfall counts from the hall's door sensors. */
export class FootfallQueries extends Queries {
  /**
   * Stores a count; a count of the same sensor and period start replaces it (at-least-once
   * delivery is safe).
   */
  async record(c: FootfallCount): Promise<void> {
    await this.db.query(
      `INSERT INTO footfall (hall_id, sensor_id, period_start, period_end, entries, exits) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (hall_id, sensor_id, period_start)
       DO UPDATE SET period_end = EXCLUDED.period_end, entries = EXCLUDED.entries, exits = EXCLUDED.exits, received_at = now()`,
      [c.hallId, c.sensorId, c.periodStart, c.periodEnd, c.entries, c.exits],
    );
  }
}
