import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { DaySpanQuery } from '../../common/dto/day-span.query';

/** `?from=&to=&weekdays=1,2`: the history span of a demand fit and the ISO weekdays to keep. */
export class DemandQuery extends DaySpanQuery {
  @ApiPropertyOptional({
    type: String,
    example: '1,2,3,4,5',
    description:
      'ISO weekdays of the history to use, comma-separated (1 = Monday; default: the hall’s opening days)',
  })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value.split(',').map((v) => (/^\s*\d+\s*$/.test(v) ? Number(v) : v))
      : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique({ message: 'weekdays must not repeat a day' })
  @IsInt({ each: true, message: 'weekdays must be whole numbers 1–7' })
  @Min(1, { each: true, message: 'weekdays must be whole numbers 1–7' })
  @Max(7, { each: true, message: 'weekdays must be whole numbers 1–7' })
  weekdays?: number[];
}
