import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  model,
  OnInit,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { HallView } from '@onewindow/contracts';
import { catchError, forkJoin, of } from 'rxjs';
import { AnalyticsApi } from '../core/api/analytics.api';
import { apiErrorMessage } from '../core/api/api-error';
import { DirectoryApi } from '../core/api/directory.api';
import { AuthService } from '../core/auth/auth.service';

/** How many halls are asked for their data when choosing which one a page opens on. */
const PROBE_HALLS = 30;

/** Zhejiang: the halls an admin picks from. */
export const DEFAULT_REGION = '330000';

/** The hall a person works in (managers and clerks), or null for those who pick one. */
export function ownHallOf(
  user: { role: string; hallId?: string } | null,
): string | null {
  return user && (user.role === 'hall_manager' || user.role === 'clerk')
    ? (user.hallId ?? null)
    : null;
}

/**
 * Which hall a page shows: managers and clerks see their own (its name, no picker); admins and the
 * reform office pick among the halls of their region (`preferred` first, e.g. from a drill-down;
 * else the first with tickets).
 */
@Component({
  selector: 'app-hall-select',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (own) {
      <p class="field">
        <span>{{ 'hall.hall' | transloco }}</span>
        <strong data-testid="hall-name">{{ hallName() }}</strong>
      </p>
    } @else {
      <label class="field">
        <span>{{ 'hall.hall' | transloco }}</span>
        <select
          data-testid="hall-picker"
          [disabled]="loading()"
          (change)="onChange($event)"
        >
          @for (h of halls(); track h.id) {
            <option [value]="h.id" [selected]="h.id === hallId()">
              {{ h.name }}
            </option>
          }
        </select>
      </label>
    }
    @if (error() !== null) {
      <p class="form-error" role="alert" data-testid="halls-error">
        {{ 'hall.error' | transloco: { message: error() } }}
      </p>
    } @else if (!own && !loading() && halls().length === 0) {
      <p class="muted" data-testid="no-halls">
        {{ 'hall.noHalls' | transloco }}
      </p>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class HallSelect implements OnInit {
  private readonly directory = inject(DirectoryApi);
  private readonly analytics = inject(AnalyticsApi);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);

  /** A hall to select first when the list has it. */
  readonly preferred = input<string | null>(null);
  readonly hallId = model<string | null>(null);
  readonly hallName = model<string>('');

  protected readonly own = ownHallOf(this.auth.user());
  protected readonly halls = signal<HallView[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // a drill-down to another hall while the page is open
    effect(() => {
      const preferred = this.preferred();
      const halls = this.halls();
      untracked(() => {
        const hit = halls.find((h) => h.id === preferred);
        if (hit && hit.id !== this.hallId()) this.select(hit);
      });
    });
  }

  /** After the parent's bindings: setting the model now reaches the parent. */
  ngOnInit(): void {
    if (this.own) {
      const own = this.own;
      this.hallId.set(own);
      this.directory
        .hall(own)
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: (hall) => this.hallName.set(hall.name),
          error: () => undefined,
        });
    } else {
      this.loadHalls();
    }
  }

  protected onChange(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    const hall = this.halls().find((h) => h.id === id);
    if (hall) this.select(hall);
  }

  private select(hall: HallView): void {
    this.hallName.set(hall.name);
    this.hallId.set(hall.id);
  }

  /**
   * Opens on the first hall (of the first PROBE_HALLS) that has tickets, so a page does not open on
   * a hall without data; the first hall when none has.
   */
  private selectFirstWithData(halls: HallView[]): void {
    if (halls.length === 0) return;
    const probe = halls.slice(0, PROBE_HALLS);
    forkJoin(
      probe.map((h) =>
        this.analytics.hallCoverage(h.id).pipe(catchError(() => of(null))),
      ),
    )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((coverage) => {
        if (this.hallId()) return; // picked meanwhile
        const i = coverage.findIndex((c) => !!c?.tickets);
        this.select(i >= 0 ? probe[i] : halls[0]);
      });
  }

  private loadHalls(): void {
    const region = this.auth.user()?.regionCode ?? DEFAULT_REGION;
    this.loading.set(true);
    this.directory
      .halls(region)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (res) => {
          this.loading.set(false);
          this.error.set(null);
          this.halls.set(res.items);
          const preferred = res.items.find((h) => h.id === this.preferred());
          if (preferred) this.select(preferred);
          else this.selectFirstWithData(res.items);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.error.set(apiErrorMessage(error) ?? '');
        },
      });
  }
}
