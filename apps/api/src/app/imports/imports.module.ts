import { Module } from '@nestjs/common';
import { ImportQueue } from './import-queue';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** CSV uploads of facts kept elsewhere; the worker reads them (apps/worker/src/app/imports). */
@Module({
  controllers: [ImportsController],
  providers: [ImportsService, ImportQueue],
})
export class ImportsModule {}
