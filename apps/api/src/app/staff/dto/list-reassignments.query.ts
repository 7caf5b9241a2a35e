import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';
import { PaginationDto } from '../../common/dto/pagination.dto';

export class ListReassignmentsQuery extends PaginationDto {
  @ApiPropertyOptional({
    description: 'Earliest effective date (YYYY-MM-DD)',
    example: '2019-01-01',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    description: 'Latest effective date (YYYY-MM-DD)',
    example: '2020-12-31',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
