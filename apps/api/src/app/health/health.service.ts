import { Injectable } from '@nestjs/common';
import type { HealthResponse } from '@onewindow/contracts';
import { HealthQueries } from '@onewindow/persistence';
import { RedisClient } from '../redis/redis.module';

/** How long the database may take to answer the health check before it counts as down. */
const DB_TIMEOUT_MS = 2000;

/** Whether the API's backing services answer: the database and Redis, asked together. */
@Injectable()
export class HealthService {
  constructor(
    private readonly queries: HealthQueries,
    private readonly redis: RedisClient,
  ) {}

  async check(): Promise<HealthResponse> {
    const [db, redis] = await Promise.all([this.dbUp(), this.redis.ping()]);
    return {
      status: db ? 'ok' : 'down',
      db: db ? 'up' : 'down',
      redis: redis ? 'up' : 'down',
    };
  }

  private async dbUp(): Promise<boolean> {
    try {
      await Promise.race([
        this.queries.ping(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), DB_TIMEOUT_MS),
        ),
      ]);
      return true;
    } catch {
      return false;
    }
  }
}
