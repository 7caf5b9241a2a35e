import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from './calendar-date';

/** `?from=&to=`: a span of days (YYYY-MM-DD), both inclusive. */
export class DaySpanQuery {
  @ApiProperty({ example: '2020-01-01', description: 'First day, inclusive' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2020-12-31', description: 'Last day, inclusive' })
  @IsCalendarDate()
  to!: string;
}
