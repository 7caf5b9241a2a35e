import type { Role } from '@onewindow/contracts';

export interface NavItem {
  path: string;
  /** Translation key of the link text and page title. */
  labelKey: string;
  roles: readonly Role[];
}

/** The pages of the dashboard and who may open them: one list for the routes and the side navigation. */
export const NAV_ITEMS = {
  region: {
    path: 'region',
    labelKey: 'nav.region',
    roles: ['reform_office', 'admin'],
  },
  hall: {
    path: 'hall',
    labelKey: 'nav.hall',
    // the reform office reads the halls of its region (the drill-down of the region page)
    roles: ['hall_manager', 'clerk', 'reform_office', 'admin'],
  },
  planner: {
    path: 'planner',
    labelKey: 'nav.planner',
    roles: ['hall_manager', 'admin'],
  },
  admin: {
    path: 'admin',
    labelKey: 'nav.admin',
    roles: ['hall_manager', 'admin'],
  },
} as const satisfies Record<string, NavItem>;

export const NAV_ORDER: readonly NavItem[] = [
  NAV_ITEMS.region,
  NAV_ITEMS.hall,
  NAV_ITEMS.planner,
  NAV_ITEMS.admin,
];

export function navItemsFor(role: Role | null): NavItem[] {
  return role ? NAV_ORDER.filter((item) => item.roles.includes(role)) : [];
}

/** Where each role lands after signing in. */
const HOME: Record<Role, NavItem> = {
  admin: NAV_ITEMS.hall,
  reform_office: NAV_ITEMS.region,
  hall_manager: NAV_ITEMS.hall,
  clerk: NAV_ITEMS.hall,
};

export function homePathFor(role: Role | null): string {
  return role ? `/${HOME[role].path}` : '/login';
}
