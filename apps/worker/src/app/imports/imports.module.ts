import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { JobQueue } from '@onewindow/server-core';
import { Queue } from 'bullmq';
import { ImportRunner } from './import-runner.service';
import { ImportsProcessor } from './imports.processor';
import { ImportsSweeper } from './imports-sweeper.service';

/** CSV imports uploaded through the API: the processor, its runner and the sweeper. */
@Module({
  imports: [BullModule.registerQueue({ name: JobQueue.Imports })],
  providers: [ImportRunner, ImportsProcessor, ImportsSweeper],
})
export class ImportsModule {
  constructor(@InjectQueue(JobQueue.Imports) queue: Queue) {
    // Redis away: the sweeper says so once; the queue need not repeat it
    queue.on('error', () => undefined);
  }
}
