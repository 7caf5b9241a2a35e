import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@onewindow/contracts';
import type { HallView, ListResponse } from '@onewindow/contracts';
import {
  Access,
  Actor,
  CurrentActor,
  CurrentPrincipal,
} from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { DirectoryService } from './directory.service';
import { CreateHallDto } from './dto/create-hall.dto';
import { ListHallsQuery } from './dto/list-halls.query';

@ApiTags('Directory')
@ApiBearerAuth()
@Controller('halls')
export class HallsController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  @Access({ roles: [...ROLES] })
  @ApiOperation({
    summary: 'Halls of a region subtree that the caller may see',
  })
  list(
    @CurrentPrincipal() p: Principal,
    @Query() q: ListHallsQuery,
  ): Promise<ListResponse<HallView>> {
    return this.directory.listHalls(p, q);
  }

  @Get(':hallId')
  @Access({
    hall: { param: 'hallId', level: 'read' },
    devices: ['kiosk', 'sensor', 'display'],
  })
  @ApiOperation({ summary: 'One hall' })
  get(@Param('hallId') hallId: string): Promise<HallView> {
    return this.directory.getHall(hallId);
  }

  @Post()
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Create a hall (admin)' })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateHallDto,
  ): Promise<HallView> {
    return this.directory.createHall(actor, dto);
  }
}
