import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  TARGET_COMPARISONS,
  TARGET_METRICS,
  type TargetComparison,
  type TargetMetric,
} from '@onewindow/contracts';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';
import { MAX_TARGET_NUMBER } from './create-target.dto';

/** Absent: unchanged. null is accepted only where a field may be empty (parameter, note). */
const present = (_: object, v: unknown) => v !== undefined;

export class UpdateTargetDto {
  @ApiPropertyOptional({ enum: TARGET_METRICS, example: 'windows' })
  @ValidateIf(present)
  @IsIn(TARGET_METRICS)
  metric?: TargetMetric;

  @ApiPropertyOptional({ enum: TARGET_COMPARISONS, example: 'le' })
  @ValidateIf(present)
  @IsIn(TARGET_COMPARISONS)
  comparison?: TargetComparison;

  @ApiPropertyOptional({ example: 28, minimum: 0 })
  @ValidateIf(present)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_TARGET_NUMBER)
  value?: number;

  @ApiPropertyOptional({
    example: 15,
    nullable: true,
    description: 'null clears it',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_TARGET_NUMBER)
  parameter?: number | null;

  @ApiPropertyOptional({ example: '2021-06-30' })
  @ValidateIf(present)
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional({
    example: '年中前再精简两个窗口',
    nullable: true,
    description: 'null clears it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}
