import { inject } from '@angular/core';
import { forkJoin, map, Observable, of, switchMap } from 'rxjs';
import type { WindowTargetSeries } from '../../charts/window-targets';
import { AdminApi } from '../../core/api/admin.api';
import { AnalyticsApi } from '../../core/api/analytics.api';
import { DirectoryApi } from '../../core/api/directory.api';

/**
 * Every window-count target of a region's subtree with the windows of its hall (the daily window
 * history) or region (the monthly trend) over a span. Call in an injection context.
 */
export function windowTargetSeriesLoader(): (
  code: string,
  from: string,
  to: string,
) => Observable<WindowTargetSeries[]> {
  const admin = inject(AdminApi);
  const directory = inject(DirectoryApi);
  const analytics = inject(AnalyticsApi);
  return (code, from, to) =>
    admin.regionTargets(code, true).pipe(
      switchMap((list) => {
        const targets = list.items.filter((t) => t.metric === 'windows');
        if (targets.length === 0) return of([]);
        return forkJoin(
          targets.map((target) =>
            'hallId' in target.scope
              ? forkJoin({
                  hall: directory.hall(target.scope.hallId),
                  history: directory.windowHistory(
                    target.scope.hallId,
                    from,
                    to,
                  ),
                }).pipe(
                  map(({ hall, history }) => ({
                    name: hall.name,
                    target,
                    points: history.days.map((d) => ({
                      date: d.date,
                      windows: d.total,
                    })),
                  })),
                )
              : analytics
                  .regionTrends(target.scope.regionCode, from, to, 'month')
                  .pipe(
                    map((t) => ({
                      name: t.region.name,
                      target,
                      points: t.region.points.map((p) => ({
                        date: p.period,
                        windows: p.windows,
                      })),
                    })),
                  ),
          ),
        );
      }),
    );
}
