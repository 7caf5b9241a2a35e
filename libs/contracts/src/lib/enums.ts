/** Enumerations shared by the API, the worker and the dashboard (plain values, no framework). */
export const ROLES = [
  'admin',
  'reform_office',
  'hall_manager',
  'clerk',
] as const;
export type Role = (typeof ROLES)[number];

/** kiosk: issues tickets; sensor: counts people at the door; display: the hall's board; rater: the rating pad of one window. */
export const DEVICE_KINDS = ['kiosk', 'sensor', 'display', 'rater'] as const;
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
/** The roles that staff a window: moving into or out of them is a move in or out of the hall's windows. */
export const WINDOW_CLERK_ROLES: readonly StaffRole[] = [
  'department_clerk',
  'comprehensive_clerk',
];

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
  'expired',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_OUTCOMES = ['done', 'needs_materials', 'rejected'] as const;
export type TicketOutcome = (typeof TICKET_OUTCOMES)[number];

/** 好差评: 5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意; 1–2 count as low ratings. */
export const RATING_SCORES = [5, 4, 3, 2, 1] as const;
export type RatingScore = (typeof RATING_SCORES)[number];
/** A rating of at most this is a low rating (差评), which may carry a reason. */
export const LOW_RATING_MAX = 2;

/** Why a citizen gave a low rating (chosen on the rating pad). */
export const RATING_REASONS = [
  'waited_too_long',
  'attitude',
  'unclear_requirements',
  'not_resolved',
  'too_slow',
  'other',
] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

export const HALL_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.completed',
  'ticket.no_show',
  'ticket.cancelled',
  'ticket.transferred',
  'ticket.expired',
  'window.changed',
] as const;
export type HallEventType = (typeof HALL_EVENT_TYPES)[number];
