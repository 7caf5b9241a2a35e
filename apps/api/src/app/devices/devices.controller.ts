import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeviceCreated, DeviceView } from '@onewindow/contracts';
import { Access, Actor, CurrentActor } from '../auth/access.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateDeviceDto } from './dto/create-device.dto';
import { DevicesService } from './devices.service';

const MANAGE = {
  roles: ['admin', 'hall_manager'],
  hall: { param: 'hallId', level: 'manage' },
} as const;

@ApiTags('Authentication')
@ApiBearerAuth()
@Controller('halls/:hallId/devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get()
  @Access({ roles: [...MANAGE.roles], hall: MANAGE.hall })
  @ApiOperation({
    summary: 'Devices of a hall with their last-seen time (manager)',
  })
  list(@Param('hallId') hallId: string): Promise<DeviceView[]> {
    return this.devices.list(hallId);
  }

  @Post()
  @Access({ roles: [...MANAGE.roles], hall: MANAGE.hall })
  @ApiOperation({ summary: 'Issue a device token (shown once, stored hashed)' })
  create(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Body() dto: CreateDeviceDto,
  ): Promise<DeviceCreated> {
    return this.devices.create(actor, hallId, dto);
  }

  @Delete(':id')
  @Access({ roles: [...MANAGE.roles], hall: MANAGE.hall })
  @ApiOperation({ summary: 'Revoke a device token' })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<DeviceView> {
    return this.devices.revoke(actor, hallId, id);
  }
}
