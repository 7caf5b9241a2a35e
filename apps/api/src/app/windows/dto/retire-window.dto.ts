import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';

export class RetireWindowDto {
  @ApiPropertyOptional({
    description:
      'The day the window left service (YYYY-MM-DD): today by default; never after today, nor before an earlier recorded change of this window',
    example: '2020-06-30',
  })
  @IsOptional()
  @IsCalendarDate()
  effectiveDate?: string;

  @ApiPropertyOptional({ example: '并入综合窗口' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
