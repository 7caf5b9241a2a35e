import { Module } from '@nestjs/common';
import { WindowsModule } from '../windows/windows.module';
import { TargetActualsService } from './target-actuals.service';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

@Module({
  imports: [WindowsModule],
  controllers: [TargetsController],
  providers: [TargetsService, TargetActualsService],
})
export class TargetsModule {}
