import {
  Body,
  Controller,
  Get,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ListResponse, StaffView } from '@onewindow/contracts';
import { Access, Actor, CurrentActor } from '../auth/access.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateStaffDto } from './dto/create-staff.dto';
import { ListStaffQuery } from './dto/list-staff.query';
import { UpdateStaffDto } from './dto/update-staff.dto';
import { STAFF_EXAMPLE, STAFF_LIST_EXAMPLE } from './openapi-examples';
import { StaffService } from './staff.service';

const staffIdPipe = new UuidParamPipe('staffId');

@ApiTags('Administration')
@ApiBearerAuth()
@Controller('halls/:hallId/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Access({ hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({ summary: 'Staff of a hall, by name' })
  @ApiOkResponse({ schema: { example: STAFF_LIST_EXAMPLE } })
  list(
    @Param('hallId') hallId: string,
    @Query() q: ListStaffQuery,
  ): Promise<ListResponse<StaffView>> {
    return this.staff.list(hallId, q);
  }

  @Post()
  @Access({
    roles: ['admin', 'hall_manager'],
    hall: { param: 'hallId', level: 'manage' },
  })
  @ApiOperation({ summary: 'Add a staff member (manager)' })
  @ApiCreatedResponse({ schema: { example: STAFF_EXAMPLE } })
  create(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Body() dto: CreateStaffDto,
  ): Promise<StaffView> {
    return this.staff.create(actor, hallId, dto);
  }

  @Patch(':staffId')
  @Access({
    roles: ['admin', 'hall_manager'],
    hall: { param: 'hallId', level: 'manage' },
  })
  @ApiOperation({
    summary:
      'Rename, change skills, or mark active/inactive (manager); roles change through reassignments',
  })
  @ApiOkResponse({ schema: { example: STAFF_EXAMPLE } })
  update(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Param('staffId', staffIdPipe) staffId: string,
    @Body() dto: UpdateStaffDto,
  ): Promise<StaffView> {
    return this.staff.update(actor, hallId, staffId, dto);
  }
}
