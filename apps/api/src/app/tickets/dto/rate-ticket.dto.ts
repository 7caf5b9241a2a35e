import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RATING_REASONS,
  type RatingReason,
  type RatingRequest,
} from '@onewindow/contracts';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class RateTicketDto implements RatingRequest {
  @ApiProperty({
    minimum: 1,
    maximum: 5,
    example: 5,
    description: '好差评: 5 非常满意 … 1 非常不满意',
  })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({
    enum: RATING_REASONS,
    description: 'Why, for a low rating (1–2) only',
  })
  @IsOptional()
  @IsIn(RATING_REASONS)
  reason?: RatingReason;
}
