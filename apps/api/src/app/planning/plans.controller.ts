import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { HallDemand, ListResponse, PlanView } from '@onewindow/contracts';
import {
  Access,
  type Actor,
  CurrentActor,
  CurrentPrincipal,
} from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { DemandService } from './demand.service';
import { CreatePlanDto } from './dto/create-plan.dto';
import { DemandQuery } from './dto/demand.query';
import { DEMAND_EXAMPLE, PLAN_VIEW_EXAMPLE } from './planning.examples';
import { PLANNERS } from './planning.controller';
import { PlansService } from './plans.service';

/**
 * Plans: a hall's own tickets fitted into a scenario, and for each asked layout the per-interval
 * windows that meet the target, computed by the worker with progress.
 */
@ApiTags('Planning')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly demand: DemandService,
  ) {}

  @Get('halls/:hallId/demand')
  @Access({ roles: [...PLANNERS], hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      "The hall's demand as a plan fits it from its tickets between from and to: mean arrivals per day in each clock hour of opening, per category, handling times and no-show rates",
  })
  @ApiOkResponse({ schema: { example: DEMAND_EXAMPLE } })
  demandFit(
    @Param('hallId') hallId: string,
    @Query() q: DemandQuery,
  ): Promise<HallDemand> {
    return this.demand.fit(hallId, q.from, q.to, q.weekdays);
  }

  @Post('halls/:hallId/plans')
  @HttpCode(202)
  @Access({
    roles: ['admin', 'hall_manager'],
    hall: { param: 'hallId', level: 'manage' },
  })
  @ApiOperation({
    summary:
      "Starts a plan from the hall's tickets between historyFrom and historyTo: fitted arrivals and handling times, then windows per interval for each layout (a worker job; poll GET /plans/{id})",
  })
  @ApiAcceptedResponse({ schema: { example: { id: PLAN_VIEW_EXAMPLE.id } } })
  create(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Body() dto: CreatePlanDto,
  ): Promise<{ id: string }> {
    return this.plans.create(actor, hallId, dto);
  }

  @Get('halls/:hallId/plans')
  @Access({ roles: [...PLANNERS], hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      "A hall's plans, newest first, with each layout's headline figures",
  })
  @ApiOkResponse({
    schema: {
      example: {
        items: [
          {
            ...PLAN_VIEW_EXAMPLE,
            result: undefined,
            summary: [
              {
                kind: 'comprehensive',
                peakWindows: 9,
                fixedWindows: 8,
                windowHours: 58.5,
                staffFreed: 31,
                shareWithinTarget: 0.87,
                meanWaitMinutes: 5.2,
              },
            ],
          },
        ],
        total: 1,
      },
    },
  })
  list(@Param('hallId') hallId: string): Promise<ListResponse<PlanView>> {
    return this.plans.list(hallId);
  }

  @Get('plans/:id')
  @Access({ roles: [...PLANNERS] })
  @ApiOperation({
    summary: 'A plan: state, progress 0..1 and, when done, its result',
  })
  @ApiOkResponse({ schema: { example: PLAN_VIEW_EXAMPLE } })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<PlanView> {
    return this.plans.get(principal, id);
  }
}
