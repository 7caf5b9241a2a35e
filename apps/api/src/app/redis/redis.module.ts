import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '@onewindow/server-core';
import Redis from 'ioredis';

/**
 * The answer of a Redis command, or an error once `ms` have passed: a Redis that is slow (or a
 * connection that hangs) holds no caller longer than that. The command itself is not cancelled.
 */
export function withTimeout<T>(command: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    command,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`redis: no answer in ${ms} ms`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The API's Redis connection (health, live fan-out, shared rate limits). Redis never owns queue state, so the client
 * never queues commands while disconnected: callers see an error at once and degrade.
 */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.client = new Redis(config.REDIS_URL, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 250, 3000),
    });
    this.client.on('error', (e) => this.logger.debug(`redis: ${e.message}`));
  }

  async ping(timeoutMs = 1000): Promise<boolean> {
    try {
      return (await withTimeout(this.client.ping(), timeoutMs)) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
