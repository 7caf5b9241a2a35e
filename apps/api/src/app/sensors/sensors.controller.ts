import {
  Body,
  Controller,
  HttpCode,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Access } from '../auth/access.decorator';
import { DeviceThrottlerGuard } from '../common/device-throttler.guard';
import { FootfallDto } from './dto/footfall.dto';
import { FootfallService } from './footfall.service';

/** Door counters (sensor devices) report people entering. */
@ApiTags('Sensors')
@ApiBearerAuth()
@Controller('halls/:hallId')
export class SensorsController {
  constructor(private readonly footfall: FootfallService) {}

  @Post('footfall')
  @HttpCode(202)
  @UseGuards(DeviceThrottlerGuard)
  @SkipThrottle({ login: true, 'login-account': true, public: true })
  @Access({
    roles: [],
    devices: ['sensor'],
    hall: { param: 'hallId', level: 'operate' },
  })
  @ApiOperation({
    summary:
      'Report people entering in a period (idempotent on sensorId + periodStart)',
  })
  async recordFootfall(
    @Param('hallId') hallId: string,
    @Body() dto: FootfallDto,
  ): Promise<{ accepted: true }> {
    await this.footfall.record(hallId, dto);
    return { accepted: true };
  }
}
