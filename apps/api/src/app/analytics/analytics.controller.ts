import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  HallDailyResponse,
  HallHourlyResponse,
  RegionTrendsResponse,
} from '@onewindow/contracts';
import { Access, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { RegionCodePipe } from '../directory/region-code.pipe';
import { AnalyticsService } from './analytics.service';
import { DaySpanQuery } from '../common/dto/day-span.query';
import { HourlyQuery, TrendsQuery } from './dto/analytics.query';

const PEOPLE = ['admin', 'reform_office', 'hall_manager', 'clerk'] as const;

@ApiTags('Analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly scope: ScopeService,
  ) {}

  @Get('halls/:hallId/daily')
  @Access({ roles: [...PEOPLE], hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      "A hall's days: visitors, tickets, waits, windows, online rate, staff moves (from the rollups)",
  })
  @ApiOkResponse({
    schema: {
      example: {
        hallId: '11111111-1111-4111-8111-111111111111',
        from: '2020-08-17',
        to: '2020-08-17',
        targetWaitMinutes: 15,
        days: [
          {
            date: '2020-08-17',
            visitors: 3050,
            tickets: 1770,
            served: 1633,
            noShows: 88,
            meanWaitMinutes: 4.23,
            p90WaitMinutes: 15.6,
            withinTargetShare: 0.8947,
            windowsOpen: 118,
            windowsComprehensive: 64,
            onlineRate: 0.7892,
            staffMovesIn: 0,
            staffMovesOut: 2,
          },
        ],
      },
    },
  })
  daily(
    @Param('hallId') hallId: string,
    @Query() q: DaySpanQuery,
  ): Promise<HallDailyResponse> {
    return this.analytics.hallDaily(hallId, q.from, q.to);
  }

  @Get('halls/:hallId/hourly')
  @Access({ roles: [...PEOPLE], hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      'Arrivals, waits and busy windows per hour (of issue) and category on one day',
  })
  hourly(
    @Param('hallId') hallId: string,
    @Query() q: HourlyQuery,
  ): Promise<HallHourlyResponse> {
    return this.analytics.hallHourly(hallId, q.date);
  }

  @Get('regions/:code/trends')
  @Access({ roles: ['admin', 'reform_office'] })
  @ApiOperation({
    summary:
      'A region by day, week or month — windows, visitors, online rate, mean wait — with its child regions and the halls directly in it, and their targets',
  })
  async trends(
    @CurrentPrincipal() p: Principal,
    @Param('code', RegionCodePipe) code: string,
    @Query() q: TrendsQuery,
  ): Promise<RegionTrendsResponse> {
    await this.scope.assertRegionRead(p, code);
    return this.analytics.regionTrends(code, q.from, q.to, q.granularity);
  }
}
