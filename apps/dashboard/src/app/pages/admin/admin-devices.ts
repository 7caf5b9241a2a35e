import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DEVICE_KINDS,
  type DeviceCreated,
  type DeviceKind,
  type DeviceView,
} from '@onewindow/contracts';
import { AdminApi } from '../../core/api/admin.api';
import { loader } from '../../core/api/loader';
import { loadErrorText } from '../../core/api/load-text';
import type { Lang } from '../../core/i18n/languages';
import { formatShanghaiDateTime } from '../../core/time/shanghai-time';
import { fieldValue, FormState } from './admin-form';
import { FormStatus } from './form-status';

/** Device tokens: issue one (shown once, then gone from the page), list them, revoke one. */
@Component({
  selector: 'app-admin-devices',
  imports: [TranslocoPipe, FormStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card stack" aria-labelledby="issue-h">
      <h2 id="issue-h">{{ 'admin.issueToken' | transloco }}</h2>
      <form
        class="form-grid"
        data-testid="device-form"
        (submit)="create($event)"
      >
        <label class="field">
          <span>{{ 'admin.kind' | transloco }}</span>
          <select name="kind" data-testid="device-kind">
            @for (k of kinds; track k) {
              <option [value]="k">{{ 'deviceKind.' + k | transloco }}</option>
            }
          </select>
        </label>
        <label class="field">
          <span>{{ 'admin.deviceName' | transloco }}</span>
          <input
            name="name"
            required
            maxlength="100"
            data-testid="device-name"
          />
        </label>
        <button
          type="submit"
          class="btn btn-primary"
          [disabled]="form.saving()"
        >
          {{ 'admin.issueToken' | transloco }}
        </button>
      </form>
      <app-form-status [state]="form" />
      @if (issued(); as d) {
        <div class="token-box" role="alert" data-testid="token-box">
          <strong>{{
            'admin.tokenTitle' | transloco: { name: d.name }
          }}</strong>
          <p>{{ 'admin.tokenOnce' | transloco }}</p>
          <code data-testid="device-token">{{ d.token }}</code>
          <button type="button" class="btn btn-small" (click)="copy(d.token)">
            {{ (copied() ? 'admin.copied' : 'admin.copy') | transloco }}
          </button>
          <button
            type="button"
            class="btn btn-small btn-primary"
            data-testid="token-done"
            (click)="issued.set(null)"
          >
            {{ 'admin.tokenDone' | transloco }}
          </button>
        </div>
      }
    </section>
    <section class="card stack" aria-labelledby="devices-h">
      <h2 id="devices-h">{{ 'admin.devices' | transloco }}</h2>
      <app-form-status [state]="actions" />
      @if (devices.data(); as list) {
        <div class="table-scroll">
          <table class="data-table" data-testid="devices-table">
            <thead>
              <tr>
                <th scope="col">{{ 'admin.deviceName' | transloco }}</th>
                <th scope="col">{{ 'admin.kind' | transloco }}</th>
                <th scope="col">{{ 'admin.createdAt' | transloco }}</th>
                <th scope="col">{{ 'admin.lastSeen' | transloco }}</th>
                <th scope="col">{{ 'admin.revokedAt' | transloco }}</th>
                <th scope="col">{{ 'common.actions' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (d of list; track d.id) {
                <tr data-testid="device-row" [attr.data-name]="d.name">
                  <th scope="row">{{ d.name }}</th>
                  <td>{{ 'deviceKind.' + d.kind | transloco }}</td>
                  <td>{{ time(d.createdAt) }}</td>
                  <td>
                    {{
                      d.lastSeenAt
                        ? time(d.lastSeenAt)
                        : ('admin.never' | transloco)
                    }}
                  </td>
                  <td>{{ d.revokedAt ? time(d.revokedAt) : '' }}</td>
                  <td>
                    @if (!d.revokedAt) {
                      <button
                        type="button"
                        class="btn btn-small btn-danger"
                        data-testid="revoke"
                        (click)="revoke(d)"
                      >
                        {{ 'admin.revoke' | transloco }}
                      </button>
                    } @else {
                      <span class="badge status-missed">{{
                        'admin.revoked' | transloco
                      }}</span>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (devices.state().status === 'error') {
        <p class="state-error" role="alert">{{ errorText() }}</p>
      } @else {
        <p class="muted">{{ 'common.loading' | transloco }}</p>
      }
    </section>
  `,
})
export class AdminDevices {
  private readonly api = inject(AdminApi);
  readonly hallId = input.required<string>();
  readonly lang = input.required<Lang>();

  protected readonly kinds = DEVICE_KINDS;
  protected readonly form = new FormState();
  protected readonly actions = new FormState();
  protected readonly devices = loader<DeviceView[]>();
  /** The token just issued: kept in memory only while shown. */
  protected readonly issued = signal<DeviceCreated | null>(null);
  protected readonly copied = signal(false);

  constructor() {
    effect(() => {
      const hallId = this.hallId();
      untracked(() => {
        this.issued.set(null);
        this.reload(hallId);
      });
    });
  }

  protected errorText(): string {
    return loadErrorText(this.devices.state(), this.lang());
  }

  protected time(iso: string): string {
    return formatShanghaiDateTime(new Date(iso), this.lang());
  }

  protected create(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = fieldValue(form, 'name');
    if (!name) return;
    this.copied.set(false);
    this.form.run(
      this.api.createDevice(this.hallId(), {
        kind: fieldValue(form, 'kind') as DeviceKind,
        name,
      }),
      (d) => {
        form.reset();
        this.issued.set(d);
        this.reload(this.hallId());
      },
    );
  }

  protected copy(token: string): void {
    void navigator.clipboard
      ?.writeText(token)
      .then(() => this.copied.set(true))
      .catch(() => undefined);
  }

  protected revoke(d: DeviceView): void {
    this.actions.run(this.api.revokeDevice(this.hallId(), d.id), () => {
      this.reload(this.hallId());
      return { key: 'admin.deviceRevoked', params: { name: d.name } };
    });
  }

  private reload(hallId: string): void {
    this.devices.load(this.api.devices(hallId));
  }
}
