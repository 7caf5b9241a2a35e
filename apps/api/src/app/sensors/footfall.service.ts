import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { FootfallDto } from './dto/footfall.dto';

/** Door counts; at-least-once delivery is safe: a re-sent sensor + period start replaces the count. */
@Injectable()
export class FootfallService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(hallId: string, f: FootfallDto): Promise<void> {
    const start = Date.parse(f.periodStart);
    const end = Date.parse(f.periodEnd);
    if (!(end > start))
      throw DomainError.invalid('periodEnd must be after periodStart', [
        { field: 'periodEnd', problems: ['must be after periodStart'] },
      ]);
    if (end - start > 24 * 3600 * 1000) {
      throw DomainError.invalid('A period spans at most 24 hours', [
        { field: 'periodEnd', problems: ['at most 24 h after periodStart'] },
      ]);
    }
    await this.db.query(
      `INSERT INTO footfall (hall_id, sensor_id, period_start, period_end, entries, exits) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (hall_id, sensor_id, period_start)
       DO UPDATE SET period_end = EXCLUDED.period_end, entries = EXCLUDED.entries, exits = EXCLUDED.exits, received_at = now()`,
      [
        hallId,
        f.sensorId,
        new Date(start),
        new Date(end),
        f.entries,
        f.exits ?? null,
      ],
    );
  }
}
