import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../common/dto/calendar-date';

export class WindowHistoryQuery {
  @ApiProperty({ example: '2016-01-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2020-12-31' })
  @IsCalendarDate()
  to!: string;
}
