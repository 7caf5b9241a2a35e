import { Module } from '@nestjs/common';
import { WindowsModule } from '../windows/windows.module';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';
import { HallBreakdownsService } from './hall-breakdowns.service';
import { HallRankingService } from './hall-ranking.service';

@Module({
  imports: [WindowsModule],
  controllers: [AnalyticsController],
  providers: [AnalyticsService, HallBreakdownsService, HallRankingService],
})
export class AnalyticsModule {}
