import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { HallSpecialistCategories } from '@onewindow/contracts';
import { loadErrorText } from '../../core/api/load-text';
import { loader } from '../../core/api/loader';
import { AdminChecks, type Choice } from '../../shared/admin/admin-checks';
import { AdminForm } from '../../shared/admin/admin-form';
import { AdminTab, categoryChoices } from '../../shared/admin/admin-tab';
import { AdminSection } from '../../shared/admin/admin-section';
import { checkedValues, FormState } from '../../shared/admin/form-state';
import { FormStatus } from '../../shared/admin/form-status';

/**
 * The hall's specialist categories (专窗类别): those whose business needs staff that comprehensive
 * windows do not have, which the planner's hybrid layout keeps in windows of their own. Every
 * catalog category as a check box with its flag in the hall, whether the hall follows the catalog
 * or has its own list; saving sets the hall's own list (exactly the ticked codes), restoring makes
 * the hall follow the catalog again.
 */
@Component({
  selector: 'app-admin-specialists',
  imports: [TranslocoPipe, AdminSection, FormStatus, AdminForm, AdminChecks],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-admin-section headingId="specialists-h" heading="admin.specialists">
      <p class="muted small" data-testid="specialists-intro">
        {{ 'admin.specialistsIntro' | transloco }}
      </p>
      @switch (specialists.state().status) {
        @case ('ready') {
          <!-- built afresh for each answer, so the boxes show what the hall has -->
          @for (v of views(); track v) {
            <p data-testid="specialists-source" [attr.data-source]="v.source">
              {{
                (v.source === 'hall'
                  ? 'admin.specialistsOwn'
                  : 'admin.specialistsFollow'
                ) | transloco
              }}
            </p>
            <app-admin-form
              testId="specialists-form"
              [state]="form"
              (save)="save($event)"
            >
              <app-admin-checks
                legend="admin.specialistsLegend"
                name="codes"
                [choices]="choices()"
                [checked]="checked()"
              />
            </app-admin-form>
            <div>
              <button
                type="button"
                class="btn"
                data-testid="specialists-reset"
                [disabled]="form.saving() || v.source === 'catalog'"
                (click)="restore()"
              >
                {{ 'admin.specialistsRestore' | transloco }}
              </button>
            </div>
            <p class="muted small">
              {{ 'admin.specialistsRestoreHint' | transloco }}
            </p>
          }
        }
        @case ('error') {
          <p class="state-error" role="alert">{{ errorText() }}</p>
        }
        @default {
          <p class="muted">{{ 'common.loading' | transloco }}</p>
        }
      }
      <app-form-status [state]="form" />
    </app-admin-section>
  `,
})
export class AdminSpecialists extends AdminTab {
  protected readonly form = new FormState();
  protected readonly specialists = loader<HallSpecialistCategories>();
  protected readonly categories = categoryChoices(this.lang);
  /** The hall's answer as a list, so the form is built afresh for each. */
  protected readonly views = computed(() => {
    const v = this.specialists.data();
    return v ? [v] : [];
  });
  /** Every catalog category, in catalog order, named in the tab's language. */
  protected readonly choices = computed<Choice[]>(() =>
    (this.specialists.data()?.categories ?? []).map((c) => {
      const name = this.categories.name(c.code);
      return { value: c.code, label: name === c.code ? c.name : name };
    }),
  );
  /** The categories specialist in the hall now. */
  protected readonly checked = computed(() =>
    (this.specialists.data()?.categories ?? [])
      .filter((c) => c.specialist)
      .map((c) => c.code),
  );
  protected readonly errorText = computed(() =>
    loadErrorText(this.specialists.state(), this.lang()),
  );

  constructor() {
    super();
    this.follow(this.hallId, (hallId) => {
      this.form.clear();
      this.reload(hallId);
    });
  }

  /** The hall's own list: exactly the ticked categories. */
  protected save(form: HTMLFormElement): void {
    this.form.run(
      this.api.setSpecialistCategories(
        this.hallId(),
        checkedValues(form, 'codes'),
      ),
      () => {
        this.reload(this.hallId());
        return { key: 'admin.specialistsSaved' };
      },
    );
  }

  /** The hall follows the catalog again. */
  protected restore(): void {
    this.form.run(this.api.setSpecialistCategories(this.hallId(), null), () => {
      this.reload(this.hallId());
      return { key: 'admin.specialistsRestored' };
    });
  }

  private reload(hallId: string): void {
    this.specialists.load(this.api.specialistCategories(hallId));
  }
}
