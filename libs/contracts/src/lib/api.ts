import type {
  DeviceKind,
  HallKind,
  RegionLevel,
  Role,
  WindowMode,
  WindowState,
} from './enums';

/** The error body of every API error (api-contract.md, Errors). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
}

export interface ErrorDetail {
  field: string;
  problems: string[];
}

export interface ListResponse<T> {
  items: T[];
  total: number;
}

export interface UserView {
  id: string;
  username: string;
  role: Role;
  hallId?: string;
  regionCode?: string;
  /** Whether the person may log in; given by `GET /users` and `PATCH /users/{id}`. */
  active?: boolean;
}

/** `PATCH /users/{id}`: enable or disable a login, or set a new password. */
export interface UserChange {
  active?: boolean;
  password?: string;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: UserView;
}

export interface HealthResponse {
  status: 'ok' | 'down';
  db: 'up' | 'down';
  redis: 'up' | 'down';
}

export interface RegionView {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface OpeningHours {
  /** ISO weekdays the hall opens (1 = Monday). */
  weekdays: number[];
  open: string;
  close: string;
}

export interface HallView {
  id: string;
  name: string;
  regionCode: string;
  kind: HallKind;
  timezone: string;
  openingHours: OpeningHours;
}

export interface CategoryView {
  code: string;
  name: string;
  ticketPrefix: string;
  /**
   * The catalog's flag: the category's business needs staff that comprehensive windows do not have
   * (vehicles and licences, real estate…). A hall may override it: see HallSpecialistCategories.
   */
  specialist: boolean;
}

export interface ServiceItemView {
  code: string;
  name: string;
  category: { code: string; name: string };
  aliases: string[];
  onlineAvailable: boolean;
  score: number;
}

export interface WindowView {
  id: string;
  label: string;
  mode: WindowMode;
  categoryCodes: string[];
  state: WindowState;
  /** first day in service (YYYY-MM-DD) */
  openedOn: string;
  /** day it left service, if it has */
  retiredOn: string | null;
}

export interface WindowHistoryDay {
  date: string;
  department: number;
  comprehensive: number;
  total: number;
}

export interface WindowHistoryResponse {
  hallId: string;
  from: string;
  to: string;
  days: WindowHistoryDay[];
}

/** `POST /halls/{hallId}/devices`: a rating pad (`rater`) names the window it stands at. */
export interface DeviceCreate {
  kind: DeviceKind;
  name: string;
  windowId?: string;
}

export interface DeviceCreated {
  id: string;
  kind: DeviceKind;
  name: string;
  /** Shown once; only its hash is stored. */
  token: string;
  /** The window a rating pad is bound to. */
  windowId?: string;
}

export interface DeviceView {
  id: string;
  kind: DeviceKind;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  windowId?: string;
  windowLabel?: string;
}

/** `GET /devices/me`: what a paired device needs to know about itself and its hall. */
export interface DeviceSelf {
  id: string;
  kind: DeviceKind;
  name: string;
  hall: {
    id: string;
    name: string;
    timezone: string;
    openingHours: OpeningHours;
  };
  /** The window of a rating pad. */
  window?: { id: string; label: string };
}

/** One configuration change in the audit log. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: { id: string | null; name: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  hallId: string | null;
  regionCode: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}
