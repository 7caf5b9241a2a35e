import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChildren,
  input,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { loadErrorText } from '../../core/api/load-text';
import type { LoadState } from '../../core/api/loader';
import type { Lang } from '../../core/i18n/languages';
import { AdminCell, Attrs } from './admin-cell';

/** One column of an administration table. */
export interface AdminColumn<T> {
  /** Translation key of the heading. */
  header: string;
  /** The cell's text. */
  text?: (row: T) => string;
  /** The cell's text as a translation key. */
  key?: (row: T) => string;
  /** The cell's template: the `appAdminCell` of this name inside the table. */
  cell?: string;
  /** The row's heading (`<th scope="row">`). */
  rowHeader?: boolean;
  /** 'num' right-aligns the heading and the cells; 'small' sets the cells in small type. */
  class?: 'num' | 'small';
}

/**
 * A table of an administration tab with its states: loading, the load's error, the rows (their
 * cells by column definitions, a cell template where a column needs more than text) and, when
 * there are none, the empty text as a row of the table or instead of it.
 */
@Component({
  selector: 'app-admin-table',
  imports: [TranslocoPipe, NgTemplateOutlet, Attrs],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: ':host { display: contents; }',
  template: `
    @switch (state().status) {
      @case ('ready') {
        @if (rows().length === 0 && empty() && emptyAs() === 'text') {
          <p class="muted">{{ empty() | transloco }}</p>
        } @else {
          <div class="table-scroll">
            <table class="data-table" [attr.data-testid]="testId()">
              <thead>
                <tr>
                  @for (c of columns(); track c.header) {
                    <th scope="col" [class.num]="c.class === 'num'">
                      {{ c.header | transloco }}
                    </th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (row of rows(); track row.id) {
                  <tr [appAttrs]="rowAttrs()(row)">
                    @for (c of columns(); track c.header) {
                      @if (c.rowHeader) {
                        <th scope="row" [class.small]="c.class === 'small'">
                          <ng-container
                            *ngTemplateOutlet="content; context: { c, row }"
                          />
                        </th>
                      } @else {
                        <td
                          [class.num]="c.class === 'num'"
                          [class.small]="c.class === 'small'"
                        >
                          <ng-container
                            *ngTemplateOutlet="content; context: { c, row }"
                          />
                        </td>
                      }
                    }
                  </tr>
                } @empty {
                  @if (empty()) {
                    <tr>
                      <td [attr.colspan]="columns().length" class="muted">
                        {{ empty() | transloco }}
                      </td>
                    </tr>
                  }
                }
              </tbody>
            </table>
          </div>
        }
      }
      @case ('error') {
        <p class="state-error" role="alert">{{ errorText() }}</p>
      }
      @default {
        <p class="muted">{{ 'common.loading' | transloco }}</p>
      }
    }
    <ng-template #content let-c="c" let-row="row">
      @if (c.cell) {
        <ng-container
          *ngTemplateOutlet="template(c.cell); context: { $implicit: row }"
        />
      } @else if (c.key) {
        {{ c.key(row) | transloco }}
      } @else {
        {{ c.text?.(row) ?? '' }}
      }
    </ng-template>
  `,
})
export class AdminTable<T extends { id: string }> {
  /** data-testid of the table element. */
  readonly testId = input.required<string>();
  readonly columns = input.required<readonly AdminColumn<T>[]>();
  readonly rows = input.required<readonly T[]>();
  /** The load the rows come from: loading, error or ready. */
  readonly state = input.required<LoadState<unknown>>();
  readonly lang = input.required<Lang>();
  /** Translation key of the text shown when there are no rows ('' for none). */
  readonly empty = input('');
  /** The empty text as a row of the table, or as a line instead of it. */
  readonly emptyAs = input<'row' | 'text'>('row');
  /** Attributes of a row (data-testid, data-name…). */
  readonly rowAttrs = input<(row: T) => Record<string, string | null>>(
    () => ({}),
  );

  private readonly cells = contentChildren(AdminCell);
  protected readonly errorText = computed(() =>
    loadErrorText(this.state(), this.lang()),
  );

  protected template(name: string) {
    return (
      this.cells().find((c) => c.appAdminCell() === name)?.template ?? null
    );
  }
}
