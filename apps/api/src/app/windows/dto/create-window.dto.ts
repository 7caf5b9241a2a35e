import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WINDOW_MODES, type WindowMode } from '@onewindow/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';

export class CreateWindowDto {
  @ApiProperty({ example: 'A12' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  label!: string;

  @ApiProperty({ enum: WINDOW_MODES, example: 'comprehensive' })
  @IsIn(WINDOW_MODES)
  mode!: WindowMode;

  @ApiPropertyOptional({
    description:
      'department: the categories served (required); comprehensive: a skill set, or empty for every category',
    example: ['social_security'],
  })
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
