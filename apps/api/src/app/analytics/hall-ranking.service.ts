import { Injectable } from '@nestjs/common';
import type { HallRankingResponse } from '@onewindow/contracts';
import { FigureQueries, RegionQueries } from '@onewindow/persistence';
import { DomainError } from '../common/domain-error';
import { assertSpan } from '../common/service-date';
import { outcomeShares, round, share } from './analytics-math';
import { MAX_SPAN_DAYS } from './analytics.service';

/**
 * Every hall of a region subtree over one span, for the reform office's ranking table: windows cut,
 * online-handling rate and waits. One statement over the daily rollups and the window events.
 */
@Injectable()
export class HallRankingService {
  constructor(
    private readonly figures: FigureQueries,
    private readonly regions: RegionQueries,
  ) {}

  async ranking(
    code: string,
    from: string,
    to: string,
  ): Promise<HallRankingResponse> {
    assertSpan(from, to, MAX_SPAN_DAYS);
    if (!(await this.regions.exists(code)))
      throw DomainError.notFound('Region');
    const rows = await this.figures.regions.ranking(code, from, to);
    return {
      regionCode: code,
      from,
      to,
      halls: rows.map((r) => ({
        hallId: r.id,
        name: r.name,
        regionCode: r.region_code,
        regionName: r.region_name,
        kind: r.kind,
        windowsAtStart: r.at_start,
        windowsAtEnd: r.at_end,
        windowsCut: r.at_start - r.at_end,
        windowsCutShare: round(share(r.at_start - r.at_end, r.at_start), 4),
        comprehensiveShare: round(share(r.comprehensive_end, r.at_end), 4),
        tickets: r.tickets,
        visitorsPerDay:
          r.visitors === null
            ? null
            : round(share(r.visitors, r.visitor_days), 1),
        onlineRate: round(share(r.handled_online, r.handled_total), 4),
        meanWaitMinutes: round(share(r.wait_sum, r.called * 60)),
        p90WaitMinutes:
          r.p90_weighted === null
            ? null
            : round(share(r.p90_weighted, r.p90_called * 60)),
        ...outcomeShares(r),
        targetWaitMinutes: r.target,
      })),
    };
  }
}
