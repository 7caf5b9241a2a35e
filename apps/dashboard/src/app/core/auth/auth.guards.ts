import { inject } from '@angular/core';
import { CanActivateFn, RedirectFunction, Router } from '@angular/router';
import type { Role } from '@onewindow/contracts';
import { NoticeService } from '../notice/notice.service';
import { AuthService } from './auth.service';
import { homePathFor } from './navigation';

/** Pages behind the login. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  return auth.isAuthenticated()
    ? true
    : inject(Router).createUrlTree(['/login'], {
        queryParams: { returnUrl: state.url },
      });
};

/** The login page only for people not signed in. */
export const loginGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.isAuthenticated()
    ? inject(Router).parseUrl(homePathFor(auth.role()))
    : true;
};

/** `data.roles` of the route lists who may open it; others land on their home page with a notice. */
export const roleGuard: CanActivateFn = (route) => {
  const auth = inject(AuthService);
  const roles = (route.data['roles'] ?? []) as readonly Role[];
  if (auth.hasRole(roles)) return true;
  inject(NoticeService).show({ kind: 'error', key: 'notice.forbiddenPage' });
  return inject(Router).parseUrl(homePathFor(auth.role()));
};

export const homeRedirect: RedirectFunction = () =>
  homePathFor(inject(AuthService).role());
