import { Injectable } from '@nestjs/common';
import { FootfallQueries } from '@onewindow/persistence';
import { DomainError } from '../common/domain-error';
import type { FootfallDto } from './dto/footfall.dto';

/** Door counts; at-least-once delivery is safe: a re-sent sensor + period start replaces the count. */
@Injectable()
export class FootfallService {
  constructor(private readonly footfall: FootfallQueries) {}

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
    await this.footfall.record({
      hallId,
      sensorId: f.sensorId,
      periodStart: new Date(start),
      periodEnd: new Date(end),
      entries: f.entries,
      exits: f.exits ?? null,
    });
  }
}
