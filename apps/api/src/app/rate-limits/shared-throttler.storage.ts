import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { AppConfig } from '@onewindow/server-core';
import type Redis from 'ioredis';
import { RedisClient, withTimeout } from '../redis/redis.module';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How long a check waits for Redis before it counts in this instance instead. */
export const SHARED_CHECK_TIMEOUT_MS = 250;

/** While counting locally, how often one check in the background asks Redis whether it is back. */
export const SHARED_PROBE_INTERVAL_MS = 1000;

/** Every rate-limit key in Redis starts with this (under REDIS_PREFIX, like all of OneWindow's keys). */
export function rateLimitKeyPrefix(redisPrefix: string): string {
  return `${redisPrefix}:throttle:`;
}

/**
 * The rate limits' counters, shared by every API instance through Redis: one atomic script per
 * check (@nest-lab/throttler-storage-redis), so a device or an address has one budget however its
 * requests are spread. Redis never stalls a request: a check that fails or gets no answer within
 * SHARED_CHECK_TIMEOUT_MS is counted in this instance's memory (the throttler's own in-memory
 * storage, same limits), and so are the checks after it, while one check in the background asks
 * Redis again every SHARED_PROBE_INTERVAL_MS; once it answers, the counting is shared again. Each
 * switch is logged once.
 */
@Injectable()
export class SharedThrottlerStorage
  implements ThrottlerStorage, OnApplicationShutdown
{
  private readonly logger = new Logger('RateLimits');
  private readonly connection: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private sharing = true;
  private probing = false;
  private nextProbeAt = 0;

  constructor(redis: RedisClient, @Inject(AppConfig) config: AppConfig) {
    // a connection of its own, whose every key carries the prefix (the script names its keys)
    this.connection = redis.client.duplicate({
      keyPrefix: rateLimitKeyPrefix(config.REDIS_PREFIX),
    });
    this.connection.on('error', (e) =>
      this.logger.debug(`redis: ${e.message}`),
    );
    this.shared = new ThrottlerStorageRedisService(this.connection);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    if (this.sharing) {
      try {
        return await withTimeout(
          this.shared.increment(key, ttl, limit, blockDuration, throttlerName),
          SHARED_CHECK_TIMEOUT_MS,
        );
      } catch (e) {
        if (this.sharing) {
          this.sharing = false;
          this.nextProbeAt = Date.now() + SHARED_PROBE_INTERVAL_MS;
          this.logger.warn(
            `Redis unavailable (${(e as Error).message}): rate limits are counted per instance until it answers again`,
          );
        }
      }
    } else {
      this.probe();
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  /** At most one at a time and one per interval; never awaited by a request. */
  private probe(): void {
    const now = Date.now();
    if (this.probing || now < this.nextProbeAt) return;
    this.probing = true;
    this.nextProbeAt = now + SHARED_PROBE_INTERVAL_MS;
    // the same script as a check, on a key of its own, so "back" means checks work again
    withTimeout(
      this.shared.increment('probe', 1000, 1_000_000_000, 1000, 'probe'),
      SHARED_CHECK_TIMEOUT_MS,
    )
      .then(() => {
        if (!this.sharing) {
          this.sharing = true;
          this.logger.log('Redis answers again: rate limits are shared again');
        }
      })
      .catch(() => undefined)
      .finally(() => {
        this.probing = false;
      });
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
    this.connection.disconnect();
  }
}
