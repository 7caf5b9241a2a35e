import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';
import { DaySpanQuery } from '../../common/dto/day-span.query';

export class HourlyQuery {
  @ApiProperty({ example: '2020-08-17' })
  @IsCalendarDate()
  date!: string;
}

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export class TrendsQuery extends DaySpanQuery {
  @ApiPropertyOptional({ enum: GRANULARITIES, default: 'month' })
  @IsOptional()
  @IsIn(GRANULARITIES, { message: 'granularity must be day, week or month' })
  granularity: Granularity = 'month';
}

/** `?before=`: only the days before this one. */
export class CoverageQuery {
  @ApiPropertyOptional({
    example: '2026-12-04',
    description: 'Only days before this one (e.g. today: the history)',
  })
  @IsOptional()
  @IsCalendarDate()
  before?: string;
}
