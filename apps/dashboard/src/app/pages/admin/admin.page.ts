import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { HallSelect } from '../../shared/hall-select';
import { AdminDevices } from './admin-devices';
import { AdminQueueRules } from './admin-queue-rules';
import { AdminSpecialists } from './admin-specialists';
import { AdminStaff } from './admin-staff';
import { AdminTargets } from './admin-targets';
import { AdminUsers } from './admin-users';
import { AdminWindows } from './admin-windows';

export const ADMIN_TABS = [
  'windows',
  'specialists',
  'queueRules',
  'staff',
  'targets',
  'devices',
  'users',
] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

/**
 * Administration (hall managers for their hall, admins for any): windows, specialist categories,
 * calling rules, staff, targets, devices, users.
 */
@Component({
  selector: 'app-admin-page',
  imports: [
    TranslocoPipe,
    HallSelect,
    AdminWindows,
    AdminSpecialists,
    AdminQueueRules,
    AdminStaff,
    AdminTargets,
    AdminDevices,
    AdminUsers,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'admin.title' | transloco }}</h1>
    <div class="toolbar">
      <app-hall-select [(hallId)]="hallId" [(hallName)]="hallName" />
    </div>
    <div
      class="tabs"
      role="tablist"
      [attr.aria-label]="'admin.tabs' | transloco"
    >
      @for (t of tabs; track t) {
        <button
          type="button"
          role="tab"
          [id]="'tab-' + t"
          [attr.aria-selected]="tab() === t"
          [attr.aria-controls]="'panel-' + t"
          [attr.data-tab]="t"
          (click)="tab.set(t)"
        >
          {{ 'admin.' + t | transloco }}
        </button>
      }
    </div>
    @if (hallId(); as id) {
      <div
        role="tabpanel"
        [id]="'panel-' + tab()"
        [attr.aria-labelledby]="'tab-' + tab()"
      >
        @switch (tab()) {
          @case ('windows') {
            <app-admin-windows [hallId]="id" [lang]="lang()" />
          }
          @case ('specialists') {
            <app-admin-specialists [hallId]="id" [lang]="lang()" />
          }
          @case ('queueRules') {
            <app-admin-queue-rules [hallId]="id" [lang]="lang()" />
          }
          @case ('staff') {
            <app-admin-staff [hallId]="id" [lang]="lang()" />
          }
          @case ('targets') {
            <app-admin-targets [hallId]="id" [lang]="lang()" />
          }
          @case ('devices') {
            <app-admin-devices [hallId]="id" [lang]="lang()" />
          }
          @case ('users') {
            <app-admin-users
              [hallId]="id"
              [hallName]="hallName()"
              [lang]="lang()"
            />
          }
        }
      </div>
    }
  `,
})
export class AdminPage {
  protected readonly lang = inject(LanguageService).lang;
  protected readonly tabs = ADMIN_TABS;
  protected readonly tab = signal<AdminTab>('windows');
  protected readonly hallId = signal<string | null>(null);
  protected readonly hallName = signal('');
}
