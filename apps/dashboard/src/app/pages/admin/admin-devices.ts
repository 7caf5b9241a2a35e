import {
  ChangeDetectionStrategy,
  Component,
  computed,
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
  type WindowView,
} from '@onewindow/contracts';
import { qrSvg } from '@onewindow/qr';
import { AdminApi } from '../../core/api/admin.api';
import { loader } from '../../core/api/loader';
import { loadErrorText } from '../../core/api/load-text';
import type { Lang } from '../../core/i18n/languages';
import { formatShanghaiDateTime } from '../../core/time/shanghai-time';
import { fieldValue, FormState } from './admin-form';
import { FormStatus } from './form-status';

/** The floor page each kind of device opens, paired by a link that carries its token after '#'. */
const FLOOR_PAGE: Partial<Record<DeviceKind, string>> = {
  kiosk: '/kiosk',
  display: '/board',
  rater: '/rate',
};

/**
 * Device tokens: issue one (shown once, with its pairing link and QR code, then gone from the
 * page), list them, revoke one. A rating pad is issued for a window.
 */
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
          <select
            name="kind"
            data-testid="device-kind"
            (change)="kind.set($any($event.target).value)"
          >
            @for (k of kinds; track k) {
              <option [value]="k">{{ 'deviceKind.' + k | transloco }}</option>
            }
          </select>
        </label>
        @if (kind() === 'rater') {
          <label class="field">
            <span>{{ 'admin.window' | transloco }}</span>
            <select name="windowId" required data-testid="device-window">
              @for (w of windows(); track w.id) {
                <option [value]="w.id">{{ w.label }}</option>
              }
            </select>
            <small class="muted">{{ 'admin.windowHint' | transloco }}</small>
          </label>
        }
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
          @if (pairing(); as p) {
            <p>
              <strong>{{ 'admin.pairingLink' | transloco }}</strong>
              <br />
              <code class="pairing-link" data-testid="pairing-link">{{
                p.url
              }}</code>
            </p>
            <svg
              class="pairing-qr"
              data-testid="pairing-qr"
              role="img"
              width="220"
              height="220"
              [attr.aria-label]="'admin.pairingQr' | transloco"
              [attr.viewBox]="'0 0 ' + p.qr.size + ' ' + p.qr.size"
              shape-rendering="crispEdges"
            >
              <rect
                [attr.width]="p.qr.size"
                [attr.height]="p.qr.size"
                fill="#fff"
              />
              <path [attr.d]="p.qr.path" fill="#000" />
            </svg>
            <p class="muted">{{ 'admin.pairingHint' | transloco }}</p>
          } @else {
            <p class="muted">{{ 'admin.sensorHint' | transloco }}</p>
          }
          <button
            type="button"
            class="btn btn-small"
            (click)="copy(pairing()?.url ?? d.token)"
          >
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
                  <td>
                    {{ 'deviceKind.' + d.kind | transloco }}
                    @if (d.windowLabel) {
                      · {{ d.windowLabel }}
                    }
                  </td>
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
  protected readonly kind = signal<DeviceKind>(DEVICE_KINDS[0]);
  protected readonly windows = signal<WindowView[]>([]);
  /**
   * The pairing link of the token just issued: the token after '#', which browsers never send to
   * the server; the floor page stores it and clears the address bar.
   */
  protected readonly pairing = computed(() => {
    const d = this.issued();
    const page = d ? FLOOR_PAGE[d.kind] : undefined;
    if (!d || !page) return null;
    const url = `${location.origin}${page}#token=${d.token}`;
    return { url, qr: qrSvg(url) };
  });

  constructor() {
    effect(() => {
      const hallId = this.hallId();
      untracked(() => {
        this.issued.set(null);
        this.reload(hallId);
        this.loadWindows(hallId);
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
    const kind = fieldValue(form, 'kind') as DeviceKind;
    this.form.run(
      this.api.createDevice(this.hallId(), {
        kind,
        name,
        ...(kind === 'rater' ? { windowId: fieldValue(form, 'windowId') } : {}),
      }),
      (d) => {
        form.reset();
        this.kind.set(DEVICE_KINDS[0]);
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

  /** The windows a rating pad may stand at. */
  private loadWindows(hallId: string): void {
    this.windows.set([]);
    this.api.windows(hallId).subscribe({
      next: (ws) => this.windows.set(ws.filter((w) => w.state !== 'retired')),
      error: () => this.windows.set([]),
    });
  }
}
