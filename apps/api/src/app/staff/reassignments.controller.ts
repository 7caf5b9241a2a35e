import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  ListResponse,
  ReassignmentFlowsResponse,
  ReassignmentView,
} from '@onewindow/contracts';
import {
  Access,
  Actor,
  CurrentActor,
  CurrentPrincipal,
} from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { RegionCodePipe } from '../directory/region-code.pipe';
import { CreateReassignmentDto } from './dto/create-reassignment.dto';
import { ListReassignmentsQuery } from './dto/list-reassignments.query';
import { DaySpanQuery } from '../common/dto/day-span.query';
import {
  FLOWS_EXAMPLE,
  REASSIGNMENT_EXAMPLE,
  REASSIGNMENT_LIST_EXAMPLE,
} from './openapi-examples';
import { ReassignmentsService } from './reassignments.service';

@ApiTags('Administration')
@ApiBearerAuth()
@Controller()
export class ReassignmentsController {
  constructor(private readonly reassignments: ReassignmentsService) {}

  @Get('halls/:hallId/reassignments')
  @Access({ hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      'Staff moves of a hall, newest first (effective date within from–to)',
  })
  @ApiOkResponse({ schema: { example: REASSIGNMENT_LIST_EXAMPLE } })
  list(
    @Param('hallId') hallId: string,
    @Query() q: ListReassignmentsQuery,
  ): Promise<ListResponse<ReassignmentView>> {
    return this.reassignments.list(hallId, q);
  }

  @Post('halls/:hallId/reassignments')
  @Access({
    roles: ['admin', 'hall_manager'],
    hall: { param: 'hallId', level: 'manage' },
  })
  @ApiOperation({
    summary:
      'Record a staff move (manager): from the role and place held on effectiveDate to toRole/toPlace; today or earlier, after the person’s last recorded move (409 otherwise)',
  })
  @ApiCreatedResponse({ schema: { example: REASSIGNMENT_EXAMPLE } })
  create(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Body() dto: CreateReassignmentDto,
  ): Promise<ReassignmentView> {
    return this.reassignments.create(actor, hallId, dto);
  }

  @Get('halls/:hallId/reassignments/flows')
  @Access({ hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      'Moves per (from role, to role) of a hall with an effective date in [from, to], as Sankey nodes and links',
  })
  @ApiOkResponse({ schema: { example: FLOWS_EXAMPLE } })
  hallFlows(
    @Param('hallId') hallId: string,
    @Query() q: DaySpanQuery,
  ): Promise<ReassignmentFlowsResponse> {
    return this.reassignments.hallFlows(hallId, q.from, q.to);
  }

  @Get('regions/:code/reassignments/flows')
  @Access({ roles: ['admin', 'reform_office'] })
  @ApiOperation({
    summary:
      'The same summed over every hall of a region subtree (reform office of that region or above, admin)',
  })
  @ApiOkResponse({ schema: { example: FLOWS_EXAMPLE } })
  regionFlows(
    @CurrentPrincipal() p: Principal,
    @Param('code', RegionCodePipe) code: string,
    @Query() q: DaySpanQuery,
  ): Promise<ReassignmentFlowsResponse> {
    return this.reassignments.regionFlows(p, code, q.from, q.to);
  }
}
