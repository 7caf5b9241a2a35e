import { ApiPropertyOptional } from '@nestjs/swagger';
import { WINDOW_MODES, type WindowMode } from '@onewindow/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';

export class UpdateWindowDto {
  @ApiPropertyOptional({ enum: WINDOW_MODES, example: 'comprehensive' })
  @IsOptional()
  @IsIn(WINDOW_MODES)
  mode?: WindowMode;

  @ApiPropertyOptional({ example: ['social_security', 'medical_insurance'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z_]{2,40}$/, {
    each: true,
    message: 'categoryCodes must hold category codes',
  })
  categoryCodes?: string[];

  @ApiPropertyOptional({
    description:
      'The day the change took effect (YYYY-MM-DD, Asia/Shanghai): today by default; earlier days record history, never a day after today, nor before an earlier recorded change of this window',
    example: '2019-07-01',
  })
  @IsOptional()
  @IsCalendarDate()
  effectiveDate?: string;

  @ApiPropertyOptional({ example: '36个部门窗口合并为综合窗口' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
