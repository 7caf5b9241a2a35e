import { Module } from '@nestjs/common';
import { ImportJobs } from './import-jobs';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** CSV uploads of facts kept elsewhere; the worker reads them (apps/worker/src/app/imports). */
@Module({
  controllers: [ImportsController],
  providers: [ImportsService, ImportJobs],
})
export class ImportsModule {}
