import { Module } from '@nestjs/common';
import { HallEventsService } from './hall-events.service';
import { LiveController } from './live.controller';
import { QueueSnapshotService } from './queue-snapshot.service';

/** The hall live: its events (appended with every change, streamed over SSE) and the snapshot a live view starts from. */
@Module({
  controllers: [LiveController],
  providers: [HallEventsService, QueueSnapshotService],
  exports: [HallEventsService],
})
export class LiveModule {}
