import { Module } from '@nestjs/common';
import { DemandService } from './demand.service';
import { PlanQueue } from './plan-queue';
import { PlanningController } from './planning.controller';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

/** The planner: instant answers (Erlang C, simulate, minimum windows, replay) and plan jobs. */
@Module({
  controllers: [PlanningController, PlansController],
  providers: [PlansService, PlanQueue, DemandService],
})
export class PlanningModule {}
