import { Module } from '@nestjs/common';
import { CallingService } from './calling.service';
import { HallEventsService } from './hall-events.service';
import { LiveController } from './live.controller';
import { PublicTicketsController } from './public-tickets.controller';
import { PublicTicketsService } from './public-tickets.service';
import { StatusTokens } from './status-tokens';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';
import { WindowOpsController } from './window-ops.controller';

@Module({
  controllers: [
    TicketsController,
    WindowOpsController,
    LiveController,
    PublicTicketsController,
  ],
  providers: [
    TicketsService,
    PublicTicketsService,
    StatusTokens,
    CallingService,
    HallEventsService,
  ],
  exports: [HallEventsService],
})
export class QueueModule {}
