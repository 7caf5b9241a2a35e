import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { JobQueue } from '@onewindow/server-core';
import { PlanRunner } from './plan-runner.service';
import { PlansProcessor } from './plans.processor';
import { PlansSweeper } from './plans-sweeper.service';

/** Plan jobs: fit a hall's history, search the windows of each layout, store the result. */
@Module({
  imports: [BullModule.registerQueue({ name: JobQueue.Planning })],
  providers: [PlanRunner, PlansProcessor, PlansSweeper],
  exports: [PlanRunner],
})
export class PlanningModule {}
