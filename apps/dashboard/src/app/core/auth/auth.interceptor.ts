import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { apiErrorMessage } from '../api/api-error';
import { NoticeService } from '../notice/notice.service';
import { AuthService, LOGIN_URL } from './auth.service';

const API_PREFIX = '/api/';

/**
 * Adds `Authorization: Bearer` to calls of our API; a 401 ends the session and returns to the login
 * page, a 403 shows a "not allowed" notice with the API's message. The error still reaches the caller.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const notices = inject(NoticeService);

  const isApi = req.url.startsWith(API_PREFIX);
  const isLogin = req.url === LOGIN_URL;
  const token = isApi && !isLogin ? auth.token() : null;
  const request = token
    ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
    : req;

  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && isApi && !isLogin) {
        if (error.status === 401) {
          auth.logout();
          notices.show({ kind: 'info', key: 'auth.expired' });
          const returnUrl = router.url.startsWith('/login')
            ? undefined
            : router.url;
          void router.navigate(['/login'], {
            queryParams: returnUrl ? { returnUrl } : {},
          });
        } else if (error.status === 403) {
          notices.show({
            kind: 'error',
            key: 'notice.forbidden',
            params: { message: apiErrorMessage(error) ?? '' },
          });
        }
      }
      return throwError(() => error);
    }),
  );
};
