import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';

export class ListWindowsQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'Also list retired windows',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'includeRetired must be true or false' })
  includeRetired?: 'true' | 'false';

  @ApiPropertyOptional({
    description:
      'The layout on that day (YYYY-MM-DD), from the lifecycle events: the windows in service then, with the mode and skill set they had',
    example: '2019-06-30',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
