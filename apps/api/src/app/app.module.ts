import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@onewindow/persistence';
import {
  AppConfig,
  ConfigModule,
  pinoHttpOptions,
  QueriesModule,
} from '@onewindow/server-core';
import { LoggerModule } from 'nestjs-pino';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { DevicesModule } from './devices/devices.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { LiveModule } from './live/live.module';
import { PlanningModule } from './planning/planning.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { RedisModule } from './redis/redis.module';
import { SensorsModule } from './sensors/sensors.module';
import { StaffModule } from './staff/staff.module';
import { TargetsModule } from './targets/targets.module';
import { TicketsModule } from './tickets/tickets.module';
import { UsersModule } from './users/users.module';
import { WindowsModule } from './windows/windows.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: pinoHttpOptions(config, 'api'),
          // Nest 11 route syntax (nestjs-pino's default '*' is the old one and is warned about)
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL, {
            extra: {
              max: 20,
              connectionTimeoutMillis: 3000,
              application_name: 'onewindow-api',
            },
          }),
          retryAttempts: 0,
        }),
        QueriesModule,
        RateLimitsModule,
        RedisModule,
        AuditModule,
        AuthModule,
        HealthModule,
        DirectoryModule,
        WindowsModule,
        StaffModule,
        TargetsModule,
        AnalyticsModule,
        UsersModule,
        DevicesModule,
        TicketsModule,
        LiveModule,
        SensorsModule,
        ImportsModule,
        PlanningModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
