import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { TicketView, TransferResult } from '@onewindow/contracts';
import type { FastifyReply } from 'fastify';
import {
  Access,
  Actor,
  CurrentActor,
  CurrentPrincipal,
} from '../auth/access.decorator';
import type { DevicePrincipal, Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { DeviceThrottlerGuard } from '../common/device-throttler.guard';
import { CompleteTicketDto } from './dto/complete-ticket.dto';
import { IssueTicketDto } from './dto/issue-ticket.dto';
import { RateTicketDto } from './dto/rate-ticket.dto';
import { TransferTicketDto } from './dto/transfer-ticket.dto';
import { RATING_WINDOW_MINUTES, TicketsService } from './tickets.service';

const ticketId = new UuidParamPipe('id');
const CLERKS = ['admin', 'hall_manager', 'clerk'] as const;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,64}$/;

@ApiTags('Kiosk')
@ApiBearerAuth()
@Controller()
@UseGuards(DeviceThrottlerGuard)
@SkipThrottle({ login: true, 'login-account': true, public: true })
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Post('halls/:hallId/tickets')
  @Access({
    roles: [...CLERKS],
    devices: ['kiosk'],
    hall: { param: 'hallId', level: 'operate' },
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '1–64 visible ASCII characters; required for kiosks',
  })
  @ApiOperation({
    summary:
      'Issue a ticket (201; the same Idempotency-Key and body again: 200 with the same ticket; another body: 409)',
  })
  @ApiResponse({ status: 201, description: 'Issued' })
  @ApiResponse({
    status: 200,
    description: 'The ticket issued earlier under this Idempotency-Key',
  })
  async issue(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: IssueTicketDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<TicketView> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw DomainError.invalid('Invalid Idempotency-Key', [
        {
          field: 'Idempotency-Key',
          problems: ['must be 1–64 visible ASCII characters'],
        },
      ]);
    }
    const { ticket, created } = await this.tickets.issue(
      actor,
      hallId,
      dto,
      key,
    );
    res.status(created ? 201 : 200);
    return ticket;
  }

  @Get('tickets/:id')
  @Access({ devices: ['kiosk', 'display'] })
  @ApiOperation({
    summary: 'A ticket with its state, window, position and estimated wait',
  })
  get(
    @CurrentPrincipal() p: Principal,
    @Param('id', ticketId) id: string,
  ): Promise<TicketView> {
    return this.tickets.get(p, id);
  }

  @Post('tickets/:id/cancel')
  @HttpCode(200)
  @Access({ roles: [...CLERKS], devices: ['kiosk'] })
  @ApiOperation({ summary: 'Cancel a waiting ticket (409 otherwise)' })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ticketId) id: string,
  ): Promise<TicketView> {
    return this.tickets.cancel(actor, id);
  }

  @Post('tickets/:id/recall')
  @HttpCode(200)
  @Access({ roles: [...CLERKS] })
  @ApiTags('Window')
  @ApiOperation({ summary: 'Call a called ticket again' })
  recall(
    @CurrentActor() actor: Actor,
    @Param('id', ticketId) id: string,
  ): Promise<TicketView> {
    return this.tickets.recall(actor, id);
  }

  @Post('tickets/:id/start')
  @HttpCode(200)
  @Access({ roles: [...CLERKS] })
  @ApiTags('Window')
  @ApiOperation({ summary: 'Start serving a called ticket' })
  start(
    @CurrentActor() actor: Actor,
    @Param('id', ticketId) id: string,
  ): Promise<TicketView> {
    return this.tickets.start(actor, id);
  }

  @Post('tickets/:id/no-show')
  @HttpCode(200)
  @Access({ roles: [...CLERKS] })
  @ApiTags('Window')
  @ApiOperation({ summary: 'Mark a called ticket as not shown up' })
  noShow(
    @CurrentActor() actor: Actor,
    @Param('id', ticketId) id: string,
  ): Promise<TicketView> {
    return this.tickets.noShow(actor, id);
  }

  @Post('tickets/:id/complete')
  @HttpCode(200)
  @Access({ roles: [...CLERKS] })
  @ApiTags('Window')
  @ApiOperation({
    summary:
      'Complete a served ticket with its outcome and an optional 1–5 rating',
  })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', ticketId) id: string,
    @Body() dto: CompleteTicketDto,
  ): Promise<TicketView> {
    return this.tickets.complete(actor, id, dto);
  }

  @Post('tickets/:id/rating')
  @HttpCode(200)
  @Access({ roles: [], devices: ['rater'] })
  @ApiTags('Window')
  @ApiOperation({
    summary: `A rating pad's 好差评 of a ticket just completed at its window (once, within ${RATING_WINDOW_MINUTES} minutes)`,
  })
  rate(
    @CurrentPrincipal() p: Principal,
    @Param('id', ticketId) id: string,
    @Body() dto: RateTicketDto,
  ): Promise<TicketView> {
    return this.tickets.rate(p as DevicePrincipal, id, dto);
  }

  @Post('tickets/:id/transfer')
  @HttpCode(200)
  @Access({ roles: [...CLERKS] })
  @ApiTags('Window')
  @ApiOperation({
    summary:
      'Transfer a served ticket to another item; the new ticket keeps its place',
  })
  transfer(
    @CurrentActor() actor: Actor,
    @Param('id', ticketId) id: string,
    @Body() dto: TransferTicketDto,
  ): Promise<TransferResult> {
    return this.tickets.transfer(actor, id, dto.serviceItemCode);
  }
}
