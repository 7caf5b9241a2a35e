import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import {
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../core/auth/auth.service';
import { navItemsFor } from '../core/auth/navigation';
import { LanguageSwitch } from '../core/i18n/language-switch';
import { NoticeService } from '../core/notice/notice.service';

/** Header (product, language, user, logout), role-aware side navigation, and the page. */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslocoPipe,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notices = inject(NoticeService);

  protected readonly user = this.auth.user;
  protected readonly navItems = computed(() => navItemsFor(this.auth.role()));

  logout(): void {
    this.auth.logout();
    this.notices.clear();
    void this.router.navigateByUrl('/login');
  }
}
