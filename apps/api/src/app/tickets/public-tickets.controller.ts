import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { PublicTicketView } from '@onewindow/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorator';
import { PublicTicketsService } from './public-tickets.service';

const TOKEN_PARAM = {
  name: 'statusToken',
  description:
    'The token printed on the ticket (its QR code): /t/{statusToken}',
};

/**
 * A citizen's own ticket, without login: the status token proves holding it. Rate-limited per
 * client address (PUBLIC_RATE_LIMIT_PER_MINUTE).
 */
@ApiTags('Public')
@Controller('public/tickets/:statusToken')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ login: true, 'login-account': true, device: true })
export class PublicTicketsController {
  constructor(private readonly tickets: PublicTicketsService) {}

  @Get()
  @ApiParam(TOKEN_PARAM)
  @ApiOperation({
    summary:
      "A citizen's ticket: hall, number, item, state, position and estimated wait, window when called",
  })
  @ApiResponse({ status: 404, description: 'Unknown or expired token' })
  view(@Param('statusToken') token: string): Promise<PublicTicketView> {
    return this.tickets.view(token);
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiParam(TOKEN_PARAM)
  @ApiOperation({
    summary: 'The holder cancels the ticket (only while it waits, else 409)',
  })
  cancel(@Param('statusToken') token: string): Promise<PublicTicketView> {
    return this.tickets.cancel(token);
  }

  @Get('events')
  @ApiParam(TOKEN_PARAM)
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      'Server-sent events of the ticket: `ticket` with the view now and after each change; closed once the ticket is over',
  })
  async events(
    @Param('statusToken') token: string,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.tickets.stream(token, res);
  }
}
