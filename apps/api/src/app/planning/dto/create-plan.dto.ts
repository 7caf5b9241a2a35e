import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreatePlanRequest, PlanLayoutKind } from '@onewindow/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';

export const PLAN_LAYOUTS: readonly PlanLayoutKind[] = [
  'department',
  'comprehensive',
  'hybrid',
];
/** Most replications a plan may ask for (each layout's search simulates them many times). */
export const MAX_PLAN_REPLICATIONS = 200;
/** Longest history a plan fits. */
export const MAX_PLAN_HISTORY_DAYS = 366;

export class PlanTargetDto {
  @ApiProperty({ example: 15, description: 'Called within this many minutes…' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(240)
  waitMinutes!: number;

  @ApiProperty({
    example: 0.8,
    description: '…for this share of customers (0 < share < 1)',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(0.999)
  share!: number;
}

export class CreatePlanDto implements CreatePlanRequest {
  @ApiProperty({
    example: '2020-06-01',
    description: 'First day of the ticket history (Asia/Shanghai)',
  })
  @IsCalendarDate()
  historyFrom!: string;

  @ApiProperty({
    example: '2020-08-31',
    description:
      'Last day of the ticket history, at most 366 days after historyFrom',
  })
  @IsCalendarDate()
  historyTo!: string;

  @ApiProperty({ type: PlanTargetDto })
  @ValidateNested()
  @Type(() => PlanTargetDto)
  target!: PlanTargetDto;

  @ApiProperty({
    example: ['department', 'comprehensive', 'hybrid'],
    enum: PLAN_LAYOUTS,
    isArray: true,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(PLAN_LAYOUTS, { each: true })
  layouts!: PlanLayoutKind[];

  @ApiPropertyOptional({
    example: 10,
    description: 'What-if: online-handling rate up this many points (0–100)',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  onlineShiftPoints?: number;

  @ApiPropertyOptional({
    example: 30,
    description: `Simulated days per evaluation (2–${MAX_PLAN_REPLICATIONS}, default 30)`,
  })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(MAX_PLAN_REPLICATIONS)
  replications?: number;

  @ApiPropertyOptional({
    example: [1, 2, 3, 4, 5],
    description:
      'ISO weekdays of the history to use (default: the hall’s opening days)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays?: number[];

  @ApiPropertyOptional({ example: '2020 秋季窗口精简方案' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}
