import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { QueueSnapshot } from '@onewindow/contracts';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import { DomainError } from '../common/domain-error';
import { QueueSnapshotService } from './queue-snapshot.service';
import { HallEventsService } from './hall-events.service';

@ApiTags('Live')
@ApiBearerAuth()
@Controller('halls/:hallId')
export class LiveController {
  constructor(
    private readonly snapshots: QueueSnapshotService,
    private readonly events: HallEventsService,
  ) {}

  @Get('queue')
  @Access({
    devices: ['display', 'kiosk'],
    hall: { param: 'hallId', level: 'read' },
  })
  @ApiOperation({
    summary:
      'The queue now: waiting per category, windows and their tickets, average wait today',
  })
  queue(@Param('hallId') hallId: string): Promise<QueueSnapshot> {
    return this.snapshots.snapshot(hallId);
  }

  @Get('events')
  @Access({
    devices: ['display', 'rater'],
    hall: { param: 'hallId', level: 'read' },
  })
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Server-sent events of the hall; resume with Last-Event-ID',
  })
  async stream(
    @Param('hallId') hallId: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('lastEventId') lastEventIdQuery: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const raw = lastEventId ?? lastEventIdQuery;
    if (raw !== undefined && !/^\d{1,15}$/.test(raw)) {
      throw DomainError.invalid('Last-Event-ID must be an event id', [
        {
          field: 'Last-Event-ID',
          problems: ['must be a non-negative integer'],
        },
      ]);
    }
    await this.events.open(hallId, res, raw === undefined ? null : Number(raw));
  }
}
