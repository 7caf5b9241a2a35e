import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
} from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';

/** The largest value a target column holds (numeric(12,4)). */
export const MAX_TARGET_NUMBER = 99_999_999;

export class CreateTargetDto {
  @ApiProperty({
    enum: TARGET_METRICS,
    example: 'windows',
    description:
      'windows: windows in service; online_rate: online share of cases handled; daily_visitors: mean visitors a day; mean_wait: minutes from ticket to call; within_minutes_share: share called within `parameter` minutes; consultation_mix: robot share of consultations',
  })
  @IsIn(TARGET_METRICS)
  metric!: TargetMetric;

  @ApiProperty({ enum: TARGET_COMPARISONS, example: 'lt' })
  @IsIn(TARGET_COMPARISONS)
  comparison!: TargetComparison;

  @ApiProperty({
    example: 30,
    minimum: 0,
    description: 'The target; a share in [0, 1] for rates and shares',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_TARGET_NUMBER)
  value!: number;

  @ApiPropertyOptional({
    example: 15,
    nullable: true,
    description:
      'within_minutes_share: the minutes (required, > 0); consultation_mix: the online-human share (optional); other metrics: none',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_TARGET_NUMBER)
  parameter?: number | null;

  @ApiProperty({ example: '2020-12-31' })
  @IsCalendarDate()
  dueDate!: string;

  @ApiPropertyOptional({
    example: '今年年底前把人工窗口总数缩减至30个以内',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}
