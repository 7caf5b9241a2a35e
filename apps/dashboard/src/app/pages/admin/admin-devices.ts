import {
  ChangeDetectionStrategy,
  Component,
  computed,
  signal,
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
import { loader } from '../../core/api/loader';
import { formatShanghaiDateTime } from '../../core/time/shanghai-time';
import { AdminCell } from '../../shared/admin/admin-cell';
import { AdminField } from '../../shared/admin/admin-field';
import { AdminForm } from '../../shared/admin/admin-form';
import { AdminTab } from '../../shared/admin/admin-tab';
import { AdminSection } from '../../shared/admin/admin-section';
import { AdminColumn, AdminTable } from '../../shared/admin/admin-table';
import { fieldValue, FormState } from '../../shared/admin/form-state';
import { FormStatus } from '../../shared/admin/form-status';

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
  imports: [
    TranslocoPipe,
    AdminSection,
    FormStatus,
    AdminForm,
    AdminField,
    AdminTable,
    AdminCell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-admin-section headingId="issue-h" heading="admin.issueToken">
      <app-admin-form
        testId="device-form"
        submitLabel="admin.issueToken"
        [state]="form"
        (save)="create($event)"
      >
        <app-admin-field label="admin.kind">
          <select
            name="kind"
            data-testid="device-kind"
            (change)="kind.set($any($event.target).value)"
          >
            @for (k of kinds; track k) {
              <option [value]="k">{{ 'deviceKind.' + k | transloco }}</option>
            }
          </select>
        </app-admin-field>
        @if (kind() === 'rater') {
          <app-admin-field label="admin.window">
            <select name="windowId" required data-testid="device-window">
              @for (w of windows(); track w.id) {
                <option [value]="w.id">{{ w.label }}</option>
              }
            </select>
            <small class="muted">{{ 'admin.windowHint' | transloco }}</small>
          </app-admin-field>
        }
        <app-admin-field label="admin.deviceName">
          <input
            name="name"
            required
            maxlength="100"
            data-testid="device-name"
          />
        </app-admin-field>
      </app-admin-form>
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
    </app-admin-section>
    <app-admin-section headingId="devices-h" heading="admin.devices">
      <app-form-status [state]="actions" />
      <app-admin-table
        testId="devices-table"
        [columns]="columns"
        [rows]="devices.data() ?? []"
        [state]="devices.state()"
        [lang]="lang()"
        [rowAttrs]="rowAttrs"
      >
        <ng-template
          appAdminCell="actions"
          [appAdminCellOf]="devices.data() ?? []"
          let-d
        >
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
        </ng-template>
      </app-admin-table>
    </app-admin-section>
  `,
})
export class AdminDevices extends AdminTab {
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

  protected readonly columns: AdminColumn<DeviceView>[] = [
    { header: 'admin.deviceName', text: (d) => d.name, rowHeader: true },
    {
      header: 'admin.kind',
      text: (d) =>
        this.t(`deviceKind.${d.kind}`) +
        (d.windowLabel ? ` · ${d.windowLabel}` : ''),
    },
    { header: 'admin.createdAt', text: (d) => this.time(d.createdAt) },
    {
      header: 'admin.lastSeen',
      text: (d) =>
        d.lastSeenAt ? this.time(d.lastSeenAt) : this.t('admin.never'),
    },
    {
      header: 'admin.revokedAt',
      text: (d) => (d.revokedAt ? this.time(d.revokedAt) : ''),
    },
    { header: 'common.actions', cell: 'actions' },
  ];
  protected readonly rowAttrs = (d: DeviceView) => ({
    'data-testid': 'device-row',
    'data-name': d.name,
  });

  constructor() {
    super();
    this.follow(this.hallId, (hallId) => {
      this.issued.set(null);
      this.reload(hallId);
      this.loadWindows(hallId);
    });
  }

  protected time(iso: string): string {
    return formatShanghaiDateTime(new Date(iso), this.lang());
  }

  protected create(form: HTMLFormElement): void {
    this.copied.set(false);
    const kind = fieldValue(form, 'kind') as DeviceKind;
    this.form.run(
      this.api.createDevice(this.hallId(), {
        kind,
        name: fieldValue(form, 'name'),
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
