import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  type TicketChannel,
  type TicketPriority,
} from '@onewindow/contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class IssueTicketDto {
  @ApiProperty({ example: 'MR-0001' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, {
    message: 'serviceItemCode must be a service item code',
  })
  serviceItemCode!: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({
    enum: TICKET_CHANNELS,
    description: 'default: kiosk for kiosks, staff for people',
  })
  @IsOptional()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;
}
