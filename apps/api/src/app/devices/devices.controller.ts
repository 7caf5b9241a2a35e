import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  DeviceCreated,
  DeviceSelf,
  DeviceView,
} from '@onewindow/contracts';
import {
  Access,
  Actor,
  CurrentActor,
  CurrentPrincipal,
} from '../auth/access.decorator';
import type { DevicePrincipal, Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateDeviceDto } from './dto/create-device.dto';
import { DevicesService } from './devices.service';

const MANAGE = {
  roles: ['admin', 'hall_manager'],
  hall: { param: 'hallId', level: 'manage' },
} as const;

@ApiTags('Authentication')
@ApiBearerAuth()
@Controller()
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get('halls/:hallId/devices')
  @Access({ roles: [...MANAGE.roles], hall: MANAGE.hall })
  @ApiOperation({
    summary: 'Devices of a hall with their last-seen time (manager)',
  })
  list(@Param('hallId') hallId: string): Promise<DeviceView[]> {
    return this.devices.list(hallId);
  }

  @Post('halls/:hallId/devices')
  @Access({ roles: [...MANAGE.roles], hall: MANAGE.hall })
  @ApiOperation({
    summary:
      'Issue a device token (shown once, stored hashed); a rating pad (rater) names its window',
  })
  create(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Body() dto: CreateDeviceDto,
  ): Promise<DeviceCreated> {
    return this.devices.create(actor, hallId, dto);
  }

  @Delete('halls/:hallId/devices/:id')
  @Access({ roles: [...MANAGE.roles], hall: MANAGE.hall })
  @ApiOperation({ summary: 'Revoke a device token' })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Param('id', new UuidParamPipe('id')) id: string,
  ): Promise<DeviceView> {
    return this.devices.revoke(actor, hallId, id);
  }

  @Get('devices/me')
  @Access({ roles: [], devices: ['kiosk', 'display', 'rater', 'sensor'] })
  @ApiOperation({
    summary:
      'The calling device: its kind, name, hall and (rating pads) window; 401 once revoked',
  })
  me(@CurrentPrincipal() p: Principal): Promise<DeviceSelf> {
    return this.devices.self(p as DevicePrincipal);
  }
}
