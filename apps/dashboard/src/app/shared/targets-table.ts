import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { TargetView } from '@onewindow/contracts';
import type { Lang } from '../core/i18n/languages';
import { formatActual, formatTarget } from '../core/format/targets';

/** Targets with their latest actual and status (a coloured badge with its word, never colour alone). */
@Component({
  selector: 'app-targets-table',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-scroll">
      <table class="data-table" data-testid="targets-table">
        <thead>
          <tr>
            <th scope="col">{{ 'hall.colMetric' | transloco }}</th>
            <th scope="col">{{ 'hall.colTarget' | transloco }}</th>
            <th scope="col">{{ 'hall.colDue' | transloco }}</th>
            <th scope="col" class="num">{{ 'hall.colActual' | transloco }}</th>
            <th scope="col">{{ 'hall.colStatus' | transloco }}</th>
            <th scope="col">{{ 'hall.colNote' | transloco }}</th>
            <ng-content select="[slot=head]" />
          </tr>
        </thead>
        <tbody>
          @for (t of targets(); track t.id) {
            <tr [attr.data-target]="t.metric">
              <td>{{ 'metric.' + t.metric | transloco }}</td>
              <td>{{ targetText(t) }}</td>
              <td>{{ t.dueDate }}</td>
              <td class="num">
                {{ actualText(t) }}
                @if (t.actual) {
                  <span class="muted small">({{ t.actual.asOf }})</span>
                }
              </td>
              <td>
                <span
                  class="badge"
                  [class]="'badge status-' + t.status"
                  data-testid="target-status"
                  >{{ 'targetStatus.' + t.status | transloco }}</span
                >
              </td>
              <td class="small">{{ t.note ?? '' }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class TargetsTable {
  readonly targets = input.required<readonly TargetView[]>();
  readonly lang = input.required<Lang>();

  protected targetText(t: TargetView): string {
    return formatTarget(t, this.lang());
  }

  protected actualText(t: TargetView): string {
    return formatActual(t, this.lang());
  }
}
