import { Module } from '@nestjs/common';
import { FootfallService } from './footfall.service';
import { SensorsController } from './sensors.controller';

/** What the hall's sensors report: footfall from door counters. */
@Module({
  controllers: [SensorsController],
  providers: [FootfallService],
})
export class SensorsModule {}
