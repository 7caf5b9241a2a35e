/** Enumerations shared by the API, the worker and the dashboard (plain values, no framework). */
export const ROLES = ['admin', 'reform_office', 'hall_manager', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

export const DEVICE_KINDS = ['kiosk', 'sensor', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const REGION_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const HALL_KINDS = ['city_center', 'county_center', 'township_center', 'partner_outlet'] as const;
export type HallKind = (typeof HALL_KINDS)[number];

export const WINDOW_MODES = ['department', 'comprehensive'] as const;
export type WindowMode = (typeof WINDOW_MODES)[number];

export const WINDOW_STATES = ['open', 'paused', 'closed', 'retired'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

export const HANDLING_CHANNELS = [
  'window',
  'online_web',
  'online_mobile',
  'self_service_terminal',
  'partner_outlet',
  'agent',
] as const;
export type HandlingChannel = (typeof HANDLING_CHANNELS)[number];

export const STAFF_ROLES = [
  'department_clerk',
  'comprehensive_clerk',
  'self_service_guide',
  'online_coach',
  'agent',
  'township_centre',
  'back_office',
  'left',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
