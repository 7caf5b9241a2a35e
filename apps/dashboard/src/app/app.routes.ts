import { Route } from '@angular/router';
import {
  authGuard,
  homeRedirect,
  loginGuard,
  roleGuard,
} from './core/auth/auth.guards';
import { NAV_ITEMS } from './core/auth/navigation';

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'auth.title',
    canActivate: [loginGuard],
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./layout/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      {
        path: NAV_ITEMS.region.path,
        title: NAV_ITEMS.region.labelKey,
        canActivate: [roleGuard],
        data: { roles: NAV_ITEMS.region.roles },
        loadComponent: () =>
          import('./pages/region-overview/region-overview.page').then(
            (m) => m.RegionOverviewPage,
          ),
      },
      {
        path: NAV_ITEMS.hall.path,
        title: NAV_ITEMS.hall.labelKey,
        canActivate: [roleGuard],
        data: { roles: NAV_ITEMS.hall.roles },
        loadComponent: () =>
          import('./pages/hall-overview/hall-overview.page').then(
            (m) => m.HallOverviewPage,
          ),
      },
      {
        path: NAV_ITEMS.planner.path,
        title: NAV_ITEMS.planner.labelKey,
        canActivate: [roleGuard],
        data: { roles: NAV_ITEMS.planner.roles },
        loadComponent: () =>
          import('./pages/planner/planner.page').then((m) => m.PlannerPage),
      },
      {
        path: NAV_ITEMS.admin.path,
        title: NAV_ITEMS.admin.labelKey,
        canActivate: [roleGuard],
        data: { roles: NAV_ITEMS.admin.roles },
        loadComponent: () =>
          import('./pages/admin/admin.page').then((m) => m.AdminPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
