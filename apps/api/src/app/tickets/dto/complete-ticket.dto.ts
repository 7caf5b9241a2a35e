import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_OUTCOMES, type TicketOutcome } from '@onewindow/contracts';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class CompleteTicketDto {
  @ApiProperty({ enum: TICKET_OUTCOMES, example: 'done' })
  @IsIn(TICKET_OUTCOMES)
  outcome!: TicketOutcome;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '好差评 rating' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;
}
