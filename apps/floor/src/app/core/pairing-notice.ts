import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { DeviceKind } from '@onewindow/contracts';
import { common } from './common-messages';
import type { DeviceStatus } from './device';

/** What a device page shows until it is paired and the API has accepted its token. */
@Component({
  selector: 'ow-pairing-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="notice"
      role="alert"
      [attr.data-testid]="'device-' + status()"
    >
      @switch (status()) {
        @case ('unpaired') {
          <h1>{{ t('unpairedTitle') }}</h1>
          <p>{{ t('unpairedBody', { kind: kindName() }) }}</p>
        }
        @case ('revoked') {
          <h1>{{ t('revokedTitle') }}</h1>
          <p>{{ t('revokedBody') }}</p>
        }
        @case ('wrongKind') {
          <h1>{{ t('wrongKindTitle') }}</h1>
          <p>{{ t('wrongKindBody', { kind: kindName() }) }}</p>
        }
        @case ('offline') {
          <h1>{{ t('offlineTitle') }}</h1>
          <p>{{ t('offlineBody') }}</p>
        }
        @default {
          <p>{{ t('checking') }}</p>
        }
      }
    </section>
  `,
})
export class PairingNotice {
  readonly status = input.required<DeviceStatus>();
  readonly kind = input.required<DeviceKind>();
  protected readonly t = common;

  protected kindName(): string {
    return this.t(this.kind());
  }
}
