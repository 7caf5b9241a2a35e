import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { TicketView, WindowToday, WindowView } from '@onewindow/contracts';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CallingService } from '../tickets/calling.service';
import { WindowOpsService } from './window-ops.service';

const windowId = new UuidParamPipe('windowId');
const OPERATE = {
  roles: ['admin', 'hall_manager', 'clerk'],
  hall: { param: 'hallId', level: 'operate' },
} as const;

@ApiTags('Window')
@ApiBearerAuth()
@Controller('halls/:hallId/windows/:windowId')
export class WindowOpsController {
  constructor(
    private readonly calling: CallingService,
    private readonly ops: WindowOpsService,
  ) {}

  @Post('call-next')
  @Access({ roles: [...OPERATE.roles], hall: OPERATE.hall })
  @ApiOperation({
    summary: 'Call the next ticket this window may serve (204 when none waits)',
  })
  @ApiResponse({
    status: 200,
    description: 'The ticket, now called at this window',
  })
  @ApiResponse({
    status: 204,
    description: 'Nothing waits that this window may serve',
  })
  async callNext(
    @Param('hallId') hallId: string,
    @Param('windowId', windowId) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<TicketView | undefined> {
    const ticket = await this.calling.callNext(hallId, id);
    if (!ticket) {
      res.status(204);
      return undefined;
    }
    res.status(200);
    return ticket;
  }

  @Get('today')
  @Access({
    roles: [...OPERATE.roles],
    hall: { param: 'hallId', level: 'read' },
  })
  @ApiOperation({
    summary:
      'The window today: tickets served and no-shows, mean handling time, the ticket it holds',
  })
  today(
    @Param('hallId') hallId: string,
    @Param('windowId', windowId) id: string,
  ): Promise<WindowToday> {
    return this.ops.today(hallId, id);
  }

  @Post('open')
  @HttpCode(200)
  @Access({ roles: [...OPERATE.roles], hall: OPERATE.hall })
  @ApiOperation({ summary: 'Open a closed or paused window' })
  open(
    @Param('hallId') hallId: string,
    @Param('windowId', windowId) id: string,
  ): Promise<WindowView> {
    return this.ops.setState(hallId, id, 'open');
  }

  @Post('pause')
  @HttpCode(200)
  @Access({ roles: [...OPERATE.roles], hall: OPERATE.hall })
  @ApiOperation({ summary: 'Pause an open window' })
  pause(
    @Param('hallId') hallId: string,
    @Param('windowId', windowId) id: string,
  ): Promise<WindowView> {
    return this.ops.setState(hallId, id, 'pause');
  }

  @Post('close')
  @HttpCode(200)
  @Access({ roles: [...OPERATE.roles], hall: OPERATE.hall })
  @ApiOperation({ summary: 'Close a window that holds no ticket' })
  close(
    @Param('hallId') hallId: string,
    @Param('windowId', windowId) id: string,
  ): Promise<WindowView> {
    return this.ops.setState(hallId, id, 'close');
  }
}
