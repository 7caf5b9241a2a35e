import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@onewindow/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorator';
import { RedisClient } from '../redis/redis.module';

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisClient,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Liveness of the API and its backing services (503 when the database is down)',
  })
  async health(
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<HealthResponse> {
    const [db, redis] = await Promise.all([this.dbUp(), this.redis.ping()]);
    const body: HealthResponse = {
      status: db ? 'ok' : 'down',
      db: db ? 'up' : 'down',
      redis: redis ? 'up' : 'down',
    };
    if (!db) {
      res.status(503).header('Retry-After', '5');
    }
    return body;
  }

  private async dbUp(): Promise<boolean> {
    try {
      await Promise.race([
        this.db.query('SELECT 1'),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), 2000),
        ),
      ]);
      return true;
    } catch {
      return false;
    }
  }
}
