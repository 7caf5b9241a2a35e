import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { TicketsModule } from '../tickets/tickets.module';
import { WindowOpsController } from './window-ops.controller';
import { WindowOpsService } from './window-ops.service';
import { WindowsController } from './windows.controller';
import { WindowsService } from './windows.service';

/** Windows: their lifecycle and layout (administration) and their operation by clerks. */
@Module({
  imports: [LiveModule, TicketsModule],
  controllers: [WindowsController, WindowOpsController],
  providers: [WindowsService, WindowOpsService],
  exports: [WindowsService],
})
export class WindowsModule {}
