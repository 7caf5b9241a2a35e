import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@onewindow/persistence';
import {
  AppConfig,
  bullConnection,
  ConfigModule,
  DEFAULT_JOB_OPTIONS,
  pinoHttpOptions,
  QueriesModule,
} from '@onewindow/server-core';
import { LoggerModule } from 'nestjs-pino';
import { ImportsModule } from './imports/imports.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { PlanningModule } from './planning/planning.module';
import { RollupsModule } from './rollups/rollups.module';

/** The worker: BullMQ processors in their own process (no HTTP). It never runs migrations. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(config, 'worker') }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL, {
            extra: { max: 10, application_name: 'onewindow-worker' },
          }),
          retryAttempts: 10,
          retryDelay: 3000,
        }),
        QueriesModule,
        BullModule.forRoot({
          connection: bullConnection(config.REDIS_URL),
          prefix: config.REDIS_PREFIX,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
        ConfigModule.forRoot(config),
        MaintenanceModule,
        RollupsModule,
        ImportsModule,
        PlanningModule,
      ],
    };
  }
}
