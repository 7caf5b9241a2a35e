import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { QueueSnapshot } from '@onewindow/contracts';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import { ApiErrorException } from '../common/api-error.exception';
import { CallingService } from './calling.service';
import { DeviceThrottlerGuard } from './device-throttler.guard';
import { FootfallDto } from './dto/footfall.dto';
import { FootfallService } from './footfall.service';
import { HallEventsService } from './hall-events.service';

@ApiTags('Live')
@ApiBearerAuth()
@Controller('halls/:hallId')
export class LiveController {
  constructor(
    private readonly calling: CallingService,
    private readonly events: HallEventsService,
    private readonly footfall: FootfallService,
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
    return this.calling.snapshot(hallId);
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
      throw ApiErrorException.badRequest('Last-Event-ID must be an event id', [
        {
          field: 'Last-Event-ID',
          problems: ['must be a non-negative integer'],
        },
      ]);
    }
    await this.events.open(hallId, res, raw === undefined ? null : Number(raw));
  }

  @Post('footfall')
  @HttpCode(202)
  @UseGuards(DeviceThrottlerGuard)
  @SkipThrottle({ login: true, public: true })
  @Access({
    roles: [],
    devices: ['sensor'],
    hall: { param: 'hallId', level: 'operate' },
  })
  @ApiTags('Sensors')
  @ApiOperation({
    summary:
      'Report people entering in a period (idempotent on sensorId + periodStart)',
  })
  async recordFootfall(
    @Param('hallId') hallId: string,
    @Body() dto: FootfallDto,
  ): Promise<{ accepted: true }> {
    await this.footfall.record(hallId, dto);
    return { accepted: true };
  }
}
