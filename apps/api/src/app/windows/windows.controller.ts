import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WindowHistoryResponse, WindowView } from '@onewindow/contracts';
import { Access, Actor, CurrentActor } from '../auth/access.decorator';
import { DaySpanQuery } from '../common/dto/day-span.query';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateWindowDto } from './dto/create-window.dto';
import { ListWindowsQuery } from './dto/list-windows.query';
import { RetireWindowDto } from './dto/retire-window.dto';
import { UpdateWindowDto } from './dto/update-window.dto';
import { WindowsService } from './windows.service';

const windowIdPipe = new UuidParamPipe('windowId');

@ApiTags('Directory')
@ApiBearerAuth()
@Controller('halls/:hallId/windows')
export class WindowsController {
  constructor(private readonly windows: WindowsService) {}

  @Get()
  @Access({
    hall: { param: 'hallId', level: 'read' },
    devices: ['kiosk', 'display'],
  })
  @ApiOperation({
    summary:
      'Windows of a hall today (retired ones only with includeRetired=true), or its layout on a past day (asOf)',
  })
  list(
    @Param('hallId') hallId: string,
    @Query() q: ListWindowsQuery,
  ): Promise<WindowView[]> {
    return q.asOf
      ? this.windows.layoutOn(hallId, q.asOf)
      : this.windows.list(hallId, q.includeRetired === 'true');
  }

  @Get('history')
  @Access({ hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary: 'Windows per day by mode over a span (from the lifecycle events)',
  })
  history(
    @Param('hallId') hallId: string,
    @Query() q: DaySpanQuery,
  ): Promise<WindowHistoryResponse> {
    return this.windows.history(hallId, q.from, q.to);
  }

  @Post()
  @Access({
    roles: ['admin', 'hall_manager'],
    hall: { param: 'hallId', level: 'manage' },
  })
  @ApiOperation({ summary: 'Open a new window (manager)' })
  create(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Body() dto: CreateWindowDto,
  ): Promise<WindowView> {
    return this.windows.create(actor, hallId, dto);
  }

  @Patch(':windowId')
  @Access({
    roles: ['admin', 'hall_manager'],
    hall: { param: 'hallId', level: 'manage' },
  })
  @ApiOperation({
    summary: 'Convert a window (mode) or change its skill set (manager)',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Param('windowId', windowIdPipe) windowId: string,
    @Body() dto: UpdateWindowDto,
  ): Promise<WindowView> {
    return this.windows.update(actor, hallId, windowId, dto);
  }

  @Post(':windowId/retire')
  @HttpCode(200)
  @Access({
    roles: ['admin', 'hall_manager'],
    hall: { param: 'hallId', level: 'manage' },
  })
  @ApiOperation({
    summary: 'Retire a window (manager), today or on an earlier day',
  })
  retire(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Param('windowId', windowIdPipe) windowId: string,
    @Body() dto: RetireWindowDto = {},
  ): Promise<WindowView> {
    return this.windows.retire(actor, hallId, windowId, dto ?? {});
  }
}
