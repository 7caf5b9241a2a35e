import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@onewindow/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorator';
import { HealthService } from './health.service';

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(private readonly service: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Liveness of the API and its backing services (503 when the database is down)',
  })
  async health(
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<HealthResponse> {
    const body = await this.service.check();
    if (body.db === 'down') {
      res.status(503).header('Retry-After', '5');
    }
    return body;
  }
}
