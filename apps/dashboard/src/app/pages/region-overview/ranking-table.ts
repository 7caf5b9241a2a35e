import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { HallRankingRow } from '@onewindow/contracts';
import {
  formatMinutes,
  formatNumber,
  formatPercent,
} from '../../core/format/format';
import type { Lang } from '../../core/i18n/languages';
import {
  DEFAULT_SORT,
  nextSort,
  RankingKey,
  RankingSort,
  sortRanking,
} from './ranking';

interface Column {
  key: RankingKey;
  label: string;
  kind: 'text' | 'int' | 'share' | 'minutes';
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'region.colHall', kind: 'text' },
  { key: 'regionName', label: 'region.colRegion', kind: 'text' },
  { key: 'windowsAtStart', label: 'region.colWindowsStart', kind: 'int' },
  { key: 'windowsAtEnd', label: 'region.colWindowsEnd', kind: 'int' },
  { key: 'windowsCut', label: 'region.colWindowsCut', kind: 'int' },
  { key: 'windowsCutShare', label: 'region.colCutShare', kind: 'share' },
  {
    key: 'comprehensiveShare',
    label: 'region.colComprehensive',
    kind: 'share',
  },
  { key: 'onlineRate', label: 'region.colOnline', kind: 'share' },
  { key: 'meanWaitMinutes', label: 'region.colMeanWait', kind: 'minutes' },
  { key: 'p90WaitMinutes', label: 'region.colP90Wait', kind: 'minutes' },
  { key: 'withinTargetShare', label: 'region.colWithin', kind: 'share' },
  { key: 'abandonedShare', label: 'region.colAbandoned', kind: 'share' },
  { key: 'tickets', label: 'region.colTickets', kind: 'int' },
];

/** The halls of a region in a table sorted by any column (click a heading; again for the other way). */
@Component({
  selector: 'app-ranking-table',
  imports: [TranslocoPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-scroll">
      <table class="data-table" data-testid="ranking-table">
        <thead>
          <tr>
            @for (c of columns; track c.key) {
              <th
                scope="col"
                [class.num]="c.kind !== 'text'"
                [attr.aria-sort]="ariaSort(c.key)"
              >
                <button
                  type="button"
                  class="sort"
                  [attr.data-sort]="c.key"
                  [title]="
                    'common.sortBy'
                      | transloco: { column: (c.label | transloco) }
                  "
                  (click)="sortBy(c.key)"
                >
                  {{ c.label | transloco }}{{ arrow(c.key) }}
                </button>
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (r of sorted(); track r.hallId) {
            <tr data-testid="ranking-row" [attr.data-hall]="r.hallId">
              <th scope="row">
                <a
                  [routerLink]="['/hall']"
                  [queryParams]="{ hall: r.hallId }"
                  >{{ r.name }}</a
                >
              </th>
              <td>{{ r.regionName }}</td>
              @for (c of numeric; track c.key) {
                <td class="num">{{ cell(r, c) }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class RankingTable {
  readonly rows = input.required<readonly HallRankingRow[]>();
  readonly lang = input.required<Lang>();

  protected readonly columns = COLUMNS;
  protected readonly numeric = COLUMNS.filter((c) => c.kind !== 'text');
  readonly sort = signal<RankingSort>(DEFAULT_SORT);
  protected readonly sorted = computed(() =>
    sortRanking(this.rows(), this.sort()),
  );

  sortBy(key: RankingKey): void {
    this.sort.update((s) => nextSort(s, key));
  }

  protected ariaSort(key: RankingKey): string | null {
    const s = this.sort();
    return s.key === key
      ? s.dir === 'asc'
        ? 'ascending'
        : 'descending'
      : null;
  }

  protected arrow(key: RankingKey): string {
    const s = this.sort();
    return s.key === key ? (s.dir === 'asc' ? ' ▲' : ' ▼') : '';
  }

  protected cell(r: HallRankingRow, c: Column): string {
    const v = r[c.key] as number | null;
    const lang = this.lang();
    switch (c.kind) {
      case 'share':
        return formatPercent(v, lang);
      case 'minutes':
        return formatMinutes(v, lang);
      default:
        return formatNumber(v, lang);
    }
  }
}
