import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  HallChannelsResponse,
  HallCoverage,
  HallDailyResponse,
  HallRankingResponse,
  HallRatingsResponse,
  HallWaitHeatmapResponse,
  ReassignmentFlowsResponse,
  RegionTrendsResponse,
  TrendGranularity,
  WindowChangesResponse,
} from '@onewindow/contracts';
import { Observable } from 'rxjs';

const enc = encodeURIComponent;

/** The read-only figures of the hall and region pages (/analytics and the Sankey flows). */
@Injectable({ providedIn: 'root' })
export class AnalyticsApi {
  private readonly http = inject(HttpClient);

  hallDaily(
    hallId: string,
    from: string,
    to: string,
  ): Observable<HallDailyResponse> {
    return this.http.get<HallDailyResponse>(
      `/api/v1/analytics/halls/${enc(hallId)}/daily`,
      { params: { from, to } },
    );
  }

  hallChannels(
    hallId: string,
    from: string,
    to: string,
    granularity: TrendGranularity,
  ): Observable<HallChannelsResponse> {
    return this.http.get<HallChannelsResponse>(
      `/api/v1/analytics/halls/${enc(hallId)}/channels`,
      { params: { from, to, granularity } },
    );
  }

  hallWaitHeatmap(
    hallId: string,
    from: string,
    to: string,
  ): Observable<HallWaitHeatmapResponse> {
    return this.http.get<HallWaitHeatmapResponse>(
      `/api/v1/analytics/halls/${enc(hallId)}/wait-heatmap`,
      { params: { from, to } },
    );
  }

  /** Which days of the hall hold data (only days before `before`, e.g. today: its history). */
  hallCoverage(hallId: string, before?: string): Observable<HallCoverage> {
    return this.http.get<HallCoverage>(
      `/api/v1/analytics/halls/${enc(hallId)}/coverage`,
      before ? { params: { before } } : {},
    );
  }

  hallRatings(
    hallId: string,
    from: string,
    to: string,
  ): Observable<HallRatingsResponse> {
    return this.http.get<HallRatingsResponse>(
      `/api/v1/analytics/halls/${enc(hallId)}/ratings`,
      { params: { from, to } },
    );
  }

  windowChanges(
    hallId: string,
    from: string,
    to: string,
  ): Observable<WindowChangesResponse> {
    return this.http.get<WindowChangesResponse>(
      `/api/v1/analytics/halls/${enc(hallId)}/window-changes`,
      { params: { from, to } },
    );
  }

  hallFlows(
    hallId: string,
    from: string,
    to: string,
  ): Observable<ReassignmentFlowsResponse> {
    return this.http.get<ReassignmentFlowsResponse>(
      `/api/v1/halls/${enc(hallId)}/reassignments/flows`,
      { params: { from, to } },
    );
  }

  regionTrends(
    code: string,
    from: string,
    to: string,
    granularity: TrendGranularity,
  ): Observable<RegionTrendsResponse> {
    return this.http.get<RegionTrendsResponse>(
      `/api/v1/analytics/regions/${enc(code)}/trends`,
      { params: { from, to, granularity } },
    );
  }

  hallRanking(
    code: string,
    from: string,
    to: string,
  ): Observable<HallRankingResponse> {
    return this.http.get<HallRankingResponse>(
      `/api/v1/analytics/regions/${enc(code)}/hall-ranking`,
      { params: { from, to } },
    );
  }

  regionFlows(
    code: string,
    from: string,
    to: string,
  ): Observable<ReassignmentFlowsResponse> {
    return this.http.get<ReassignmentFlowsResponse>(
      `/api/v1/regions/${enc(code)}/reassignments/flows`,
      { params: { from, to } },
    );
  }
}
