/** Enumerations shared by the API, the worker and the dashboard (plain values, no framework). */
export const ROLES = [
  'admin',
  'reform_office',
  'hall_manager',
  'clerk',
] as const;
export type Role = (typeof ROLES)[number];

export const DEVICE_KINDS = ['kiosk', 'sensor', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const REGION_LEVELS = [
  'province',
  'city',
  'county',
  'township',
] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const HALL_KINDS = [
  'city_center',
  'county_center',
  'township_center',
  'partner_outlet',
] as const;
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
/** The channels counted as online handling (网上办 + 掌上办) in every online-handling rate. */
export const ONLINE_CHANNELS: readonly HandlingChannel[] = [
  'online_web',
  'online_mobile',
];

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

export const TICKET_PRIORITIES = ['normal', 'priority', 'appointment'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CHANNELS = [
  'kiosk',
  'mobile',
  'appointment',
  'staff',
] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_STATES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'transferred',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_OUTCOMES = ['done', 'needs_materials', 'rejected'] as const;
export type TicketOutcome = (typeof TICKET_OUTCOMES)[number];

export const HALL_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.completed',
  'ticket.no_show',
  'ticket.cancelled',
  'ticket.transferred',
  'window.changed',
] as const;
export type HallEventType = (typeof HALL_EVENT_TYPES)[number];
