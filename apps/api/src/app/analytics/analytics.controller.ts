import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  HallChannelsResponse,
  HallCoverage,
  HallDailyResponse,
  HallHourlyResponse,
  HallRankingResponse,
  HallRatingsResponse,
  HallWaitHeatmapResponse,
  RegionTrendsResponse,
  WindowChangesResponse,
} from '@onewindow/contracts';
import { Access, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ScopeService } from '../auth/scope.service';
import { RegionCodePipe } from '../directory/region-code.pipe';
import { AnalyticsService } from './analytics.service';
import { HallBreakdownsService } from './hall-breakdowns.service';
import { HallRankingService } from './hall-ranking.service';
import { DaySpanQuery } from '../common/dto/day-span.query';
import { CoverageQuery, HourlyQuery, TrendsQuery } from './dto/analytics.query';
import {
  CHANNELS_EXAMPLE,
  HEATMAP_EXAMPLE,
  RANKING_EXAMPLE,
  WINDOW_CHANGES_EXAMPLE,
} from './openapi-examples';

const PEOPLE = ['admin', 'reform_office', 'hall_manager', 'clerk'] as const;

@ApiTags('Analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly scope: ScopeService,
    private readonly breakdowns: HallBreakdownsService,
    private readonly rankings: HallRankingService,
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
            abandoned: 31,
            expired: 4,
            meanWaitMinutes: 4.23,
            p90WaitMinutes: 15.6,
            withinTargetShare: 0.8947,
            abandonedShare: 0.0208,
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

  @Get('halls/:hallId/coverage')
  @Access({ roles: [...PEOPLE], hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      'Which days of the hall hold data: the first and last day with tickets, and with its other facts (visitors, handling records, staff moves)',
  })
  @ApiOkResponse({
    schema: {
      example: {
        hallId: '11111111-1111-4111-8111-111111111111',
        tickets: { from: '2019-01-02', to: '2020-12-31' },
        facts: { from: '2019-01-01', to: '2020-12-31' },
      },
    },
  })
  coverage(
    @Param('hallId') hallId: string,
    @Query() q: CoverageQuery,
  ): Promise<HallCoverage> {
    return this.analytics.hallCoverage(hallId, q.before);
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

  @Get('halls/:hallId/channels')
  @Access({ roles: [...PEOPLE], hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      'Cases handled per channel (window, online web, online mobile, self-service, partner outlet, agent) by day, week or month, with the online-handling rate',
  })
  @ApiOkResponse({ schema: { example: CHANNELS_EXAMPLE } })
  channels(
    @Param('hallId') hallId: string,
    @Query() q: TrendsQuery,
  ): Promise<HallChannelsResponse> {
    return this.breakdowns.channels(hallId, q.from, q.to, q.granularity);
  }

  @Get('halls/:hallId/wait-heatmap')
  @Access({ roles: [...PEOPLE], hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      'Arrivals and waits per weekday and hour of issue over a span (from the hourly rollups)',
  })
  @ApiOkResponse({ schema: { example: HEATMAP_EXAMPLE } })
  waitHeatmap(
    @Param('hallId') hallId: string,
    @Query() q: DaySpanQuery,
  ): Promise<HallWaitHeatmapResponse> {
    return this.breakdowns.waitHeatmap(hallId, q.from, q.to);
  }

  @Get('halls/:hallId/ratings')
  @Access({ roles: [...PEOPLE], hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      'Ratings (好差评) over a span per window and per category: mean, count, low ratings (from the rollups)',
  })
  ratings(
    @Param('hallId') hallId: string,
    @Query() q: DaySpanQuery,
  ): Promise<HallRatingsResponse> {
    return this.breakdowns.ratings(hallId, q.from, q.to);
  }

  @Get('halls/:hallId/window-changes')
  @Access({ roles: [...PEOPLE], hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary:
      'The days windows opened, changed mode or left service, with the counts by mode and the notes recorded',
  })
  @ApiOkResponse({ schema: { example: WINDOW_CHANGES_EXAMPLE } })
  windowChanges(
    @Param('hallId') hallId: string,
    @Query() q: DaySpanQuery,
  ): Promise<WindowChangesResponse> {
    return this.breakdowns.windowChanges(hallId, q.from, q.to);
  }

  @Get('regions/:code/hall-ranking')
  @Access({ roles: ['admin', 'reform_office'] })
  @ApiOperation({
    summary:
      'Every hall of a region subtree over a span: windows cut, comprehensive share, online rate, mean and p90 wait, share within target',
  })
  @ApiOkResponse({ schema: { example: RANKING_EXAMPLE } })
  async hallRanking(
    @CurrentPrincipal() p: Principal,
    @Param('code', RegionCodePipe) code: string,
    @Query() q: DaySpanQuery,
  ): Promise<HallRankingResponse> {
    await this.scope.assertRegionRead(p, code);
    return this.rankings.ranking(code, q.from, q.to);
  }
}
