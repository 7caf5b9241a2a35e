import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@onewindow/server-core';
import { SharedThrottlerStorage } from './shared-throttler.storage';

/** The counters' storage, in a module of its own so that the throttler's options can be built with it. */
@Module({
  providers: [SharedThrottlerStorage],
  exports: [SharedThrottlerStorage],
})
class SharedThrottlerStorageModule {}

/**
 * The API's rate limits, per minute, counted across all instances (SharedThrottlerStorage). Each
 * guarded controller skips the throttlers that are not its own:
 * - `login`: logins per client address (LOGIN_RATE_LIMIT_PER_MINUTE);
 * - `login-account`: logins per account named in the request (LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE;
 *   the login route tracks it by the normalised username);
 * - `device`: per device or person (DEVICE_RATE_LIMIT_PER_MINUTE, DeviceThrottlerGuard);
 * - `public`: citizens' ticket pages per client address (PUBLIC_RATE_LIMIT_PER_MINUTE).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [SharedThrottlerStorageModule],
      inject: [AppConfig, SharedThrottlerStorage],
      useFactory: (config: AppConfig, storage: SharedThrottlerStorage) => ({
        storage,
        throttlers: [
          {
            name: 'login',
            ttl: 60_000,
            limit: config.LOGIN_RATE_LIMIT_PER_MINUTE,
          },
          {
            name: 'login-account',
            ttl: 60_000,
            limit: config.LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE,
          },
          {
            name: 'device',
            ttl: 60_000,
            limit: config.DEVICE_RATE_LIMIT_PER_MINUTE,
          },
          {
            name: 'public',
            ttl: 60_000,
            limit: config.PUBLIC_RATE_LIMIT_PER_MINUTE,
          },
        ],
      }),
    }),
  ],
})
export class RateLimitsModule {}
