import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ListResponse, TargetView } from '@onewindow/contracts';
import {
  Access,
  Actor,
  CurrentActor,
  CurrentPrincipal,
} from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { PaginationDto } from '../common/dto/pagination.dto';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { RegionCodePipe } from '../directory/region-code.pipe';
import { CreateTargetDto } from './dto/create-target.dto';
import { ListRegionTargetsQuery } from './dto/list-region-targets.query';
import { UpdateTargetDto } from './dto/update-target.dto';
import {
  REGION_TARGET_EXAMPLE,
  REGION_TARGET_LIST_EXAMPLE,
  TARGET_EXAMPLE,
  TARGET_LIST_EXAMPLE,
} from './openapi-examples';
import { TargetsService } from './targets.service';

const targetIdPipe = new UuidParamPipe('id');

const STATUS_DESCRIPTION =
  'actual: as of today, or as of the due date once it has passed. windows: windows in service that day (window lifecycle); online_rate, mean_wait, within_minutes_share, consultation_mix (robot share): over the 30 days up to that day; daily_visitors: mean over the days of those 30 with footfall. ' +
  'status: met when the actual satisfies the target; else missed after the due date; else on_track when the line from the value 90 days earlier through the actual reaches the target by the due date, else behind; no_data without facts.';

@ApiTags('Administration')
@ApiBearerAuth()
@Controller()
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get('halls/:hallId/targets')
  @Access({ hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary: 'Targets of a hall, each with its latest actual value and status',
    description: STATUS_DESCRIPTION,
  })
  @ApiOkResponse({ schema: { example: TARGET_LIST_EXAMPLE } })
  listForHall(
    @Param('hallId') hallId: string,
    @Query() q: PaginationDto,
  ): Promise<ListResponse<TargetView>> {
    return this.targets.listForHall(hallId, q);
  }

  @Post('halls/:hallId/targets')
  @Access({
    roles: ['admin', 'hall_manager'],
    hall: { param: 'hallId', level: 'manage' },
  })
  @ApiOperation({ summary: 'Set a target for a hall (manager)' })
  @ApiCreatedResponse({ schema: { example: TARGET_EXAMPLE } })
  createForHall(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Body() dto: CreateTargetDto,
  ): Promise<TargetView> {
    return this.targets.createForHall(actor, hallId, dto);
  }

  @Get('regions/:code/targets')
  @Access({ roles: ['admin', 'reform_office'] })
  @ApiOperation({
    summary:
      'Targets of a region (with includeChildren=true also of its sub-regions and halls); region figures cover the whole subtree',
    description: STATUS_DESCRIPTION,
  })
  @ApiOkResponse({ schema: { example: REGION_TARGET_LIST_EXAMPLE } })
  listForRegion(
    @CurrentPrincipal() p: Principal,
    @Param('code', RegionCodePipe) code: string,
    @Query() q: ListRegionTargetsQuery,
  ): Promise<ListResponse<TargetView>> {
    return this.targets.listForRegion(p, code, q.includeChildren === 'true', q);
  }

  @Post('regions/:code/targets')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Set a target for a region (admin)' })
  @ApiCreatedResponse({ schema: { example: REGION_TARGET_EXAMPLE } })
  createForRegion(
    @CurrentActor() actor: Actor,
    @Param('code', RegionCodePipe) code: string,
    @Body() dto: CreateTargetDto,
  ): Promise<TargetView> {
    return this.targets.createForRegion(actor, code, dto);
  }

  @Patch('targets/:id')
  @Access({ roles: ['admin', 'hall_manager'] })
  @ApiOperation({
    summary:
      "Change a target (a hall's: its manager or an admin; a region's: an admin)",
  })
  @ApiOkResponse({ schema: { example: TARGET_EXAMPLE } })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', targetIdPipe) id: string,
    @Body() dto: UpdateTargetDto,
  ): Promise<TargetView> {
    return this.targets.update(actor, id, dto);
  }

  @Delete('targets/:id')
  @HttpCode(204)
  @Access({ roles: ['admin', 'hall_manager'] })
  @ApiOperation({
    summary:
      "Delete a target (a hall's: its manager or an admin; a region's: an admin)",
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', targetIdPipe) id: string,
  ): Promise<void> {
    return this.targets.remove(actor, id);
  }
}
