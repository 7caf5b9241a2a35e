import { Module } from '@nestjs/common';
import { DemandService } from './demand.service';
import { PlanJobs } from './plan-jobs';
import { PlanningPool } from './planning-pool';
import { PlanningController } from './planning.controller';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

/** The planner: instant answers (Erlang C, Erlang A, simulate, minimum windows, replay) and plan jobs. */
@Module({
  controllers: [PlanningController, PlansController],
  providers: [PlansService, PlanJobs, DemandService, PlanningPool],
})
export class PlanningModule {}
