import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  QUEUE_RULE_LIMITS,
  type HallQueueRules,
  type SetQueueRulesRequest,
} from '@onewindow/contracts';
import { loadErrorText } from '../../core/api/load-text';
import { loader } from '../../core/api/loader';
import { AdminField } from '../../shared/admin/admin-field';
import { AdminForm } from '../../shared/admin/admin-form';
import { AdminSection } from '../../shared/admin/admin-section';
import { AdminTab } from '../../shared/admin/admin-tab';
import { fieldValue, FormState } from '../../shared/admin/form-state';
import { FormStatus } from '../../shared/admin/form-status';

/**
 * The hall's calling rules (叫号规则): how its windows mix the green channel with normal tickets.
 * A window calls priority tickets first, but after the streak cap of priority calls in a row it
 * calls its longest-waiting normal ticket, and a normal ticket that has waited the longest wait goes
 * before every priority one. Two whole numbers within the API's limits; saving sets both.
 */
@Component({
  selector: 'app-admin-queue-rules',
  imports: [TranslocoPipe, AdminSection, FormStatus, AdminForm, AdminField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-admin-section headingId="queue-rules-h" heading="admin.queueRules">
      <p class="muted small" data-testid="queue-rules-intro">
        {{ 'admin.queueRulesIntro' | transloco }}
      </p>
      @switch (rules.state().status) {
        @case ('ready') {
          <!-- built afresh for each answer, so the fields show what the hall has -->
          @for (r of views(); track r) {
            <app-admin-form
              testId="queue-rules-form"
              [state]="form"
              (save)="save($event, r)"
            >
              <app-admin-field label="admin.queueRulesStreak">
                <input
                  name="priorityStreakCap"
                  type="number"
                  inputmode="numeric"
                  step="1"
                  required
                  [min]="limits.priorityStreakCap.min"
                  [max]="limits.priorityStreakCap.max"
                  [value]="r.priorityStreakCap"
                  data-testid="queue-rules-streak"
                />
                <small class="muted" data-testid="queue-rules-streak-hint">{{
                  'admin.queueRulesStreakHint'
                    | transloco: limits.priorityStreakCap
                }}</small>
              </app-admin-field>
              <app-admin-field label="admin.queueRulesWait">
                <input
                  name="normalMaxWaitMinutes"
                  type="number"
                  inputmode="numeric"
                  step="1"
                  required
                  [min]="limits.normalMaxWaitMinutes.min"
                  [max]="limits.normalMaxWaitMinutes.max"
                  [value]="r.normalMaxWaitMinutes"
                  data-testid="queue-rules-wait"
                />
                <small class="muted" data-testid="queue-rules-wait-hint">{{
                  'admin.queueRulesWaitHint'
                    | transloco: limits.normalMaxWaitMinutes
                }}</small>
              </app-admin-field>
            </app-admin-form>
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
export class AdminQueueRules extends AdminTab {
  protected readonly limits = QUEUE_RULE_LIMITS;
  protected readonly form = new FormState();
  protected readonly rules = loader<HallQueueRules>();
  /** The hall's answer as a list, so the form is built afresh for each. */
  protected readonly views = computed(() => {
    const r = this.rules.data();
    return r ? [r] : [];
  });
  protected readonly errorText = computed(() =>
    loadErrorText(this.rules.state(), this.lang()),
  );

  constructor() {
    super();
    this.follow(this.hallId, (hallId) => {
      this.form.clear();
      this.reload(hallId);
    });
  }

  /** Both rules as typed (the form has checked them: whole numbers within the limits). */
  protected save(form: HTMLFormElement, current: HallQueueRules): void {
    const body: SetQueueRulesRequest = {
      priorityStreakCap: Number(fieldValue(form, 'priorityStreakCap')),
      normalMaxWaitMinutes: Number(fieldValue(form, 'normalMaxWaitMinutes')),
    };
    if (
      body.priorityStreakCap === current.priorityStreakCap &&
      body.normalMaxWaitMinutes === current.normalMaxWaitMinutes
    )
      return this.form.say('admin.nothingChanged');
    this.form.run(this.api.setQueueRules(this.hallId(), body), () => {
      this.reload(this.hallId());
      return { key: 'admin.queueRulesSaved' };
    });
  }

  private reload(hallId: string): void {
    this.rules.load(this.api.queueRules(hallId));
  }
}
