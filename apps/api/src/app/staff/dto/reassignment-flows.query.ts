import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '../../common/dto/calendar-date';

export class ReassignmentFlowsQuery {
  @ApiProperty({
    description: 'First effective date counted',
    example: '2019-01-01',
  })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    description: 'Last effective date counted',
    example: '2020-12-31',
  })
  @IsCalendarDate()
  to!: string;
}
