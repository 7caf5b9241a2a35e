import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { CallingService } from './calling.service';
import { PublicTicketsController } from './public-tickets.controller';
import { PublicTicketsService } from './public-tickets.service';
import { ServiceCatalog } from './service-catalog';
import { StatusTokens } from './status-tokens';
import { TicketEstimates } from './ticket-estimates.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

/** Tickets: issue, call, every transition, and the citizen's ticket page. */
@Module({
  imports: [LiveModule],
  controllers: [TicketsController, PublicTicketsController],
  providers: [
    TicketsService,
    PublicTicketsService,
    StatusTokens,
    CallingService,
    TicketEstimates,
    ServiceCatalog,
  ],
  exports: [CallingService],
})
export class TicketsModule {}
