import { Module } from '@nestjs/common';
import { CallingService } from './calling.service';
import { FootfallService } from './footfall.service';
import { HallEventsService } from './hall-events.service';
import { LiveController } from './live.controller';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';
import { WindowOpsController } from './window-ops.controller';

@Module({
  controllers: [TicketsController, WindowOpsController, LiveController],
  providers: [
    TicketsService,
    CallingService,
    FootfallService,
    HallEventsService,
  ],
  exports: [HallEventsService],
})
export class QueueModule {}
