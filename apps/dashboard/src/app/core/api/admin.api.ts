import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DeviceCreated,
  DeviceCreate,
  HallQueueRules,
  HallSpecialistCategories,
  ListResponse,
  ReassignmentView,
  Role,
  SetQueueRulesRequest,
  SetSpecialistCategoriesRequest,
  StaffRole,
  StaffView,
  TargetComparison,
  TargetMetric,
  TargetView,
  UserChange,
  UserView,
  WindowMode,
  WindowView,
  DeviceView,
} from '@onewindow/contracts';
import { Observable } from 'rxjs';

const enc = encodeURIComponent;

export interface NewWindow {
  label: string;
  mode: WindowMode;
  categoryCodes?: string[];
  effectiveDate?: string;
  note?: string;
}

export interface WindowChange {
  mode?: WindowMode;
  categoryCodes?: string[];
  effectiveDate?: string;
  note?: string;
}

export interface NewStaff {
  name: string;
  role: StaffRole;
  skills?: string[];
}

export interface StaffChange {
  name?: string;
  skills?: string[];
  active?: boolean;
}

export interface NewReassignment {
  staffId: string;
  toRole: StaffRole;
  toPlace?: string;
  effectiveDate: string;
  reason?: string;
}

export interface NewTarget {
  metric: TargetMetric;
  comparison: TargetComparison;
  value: number;
  parameter?: number | null;
  dueDate: string;
  note?: string | null;
}

export type TargetChange = Partial<NewTarget>;

export interface UserFilter {
  hallId?: string;
  role?: Role;
  limit?: number;
  offset?: number;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  hallId?: string;
  regionCode?: string;
}

/** The configuration calls of the administration page (managers and admins). */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  private hall(hallId: string, path = ''): string {
    return `/api/v1/halls/${enc(hallId)}${path}`;
  }

  windows(hallId: string, asOf?: string): Observable<WindowView[]> {
    return this.http.get<WindowView[]>(this.hall(hallId, '/windows'), {
      params: asOf ? { asOf } : { includeRetired: 'true' },
    });
  }

  createWindow(hallId: string, body: NewWindow): Observable<WindowView> {
    return this.http.post<WindowView>(this.hall(hallId, '/windows'), body);
  }

  updateWindow(
    hallId: string,
    windowId: string,
    body: WindowChange,
  ): Observable<WindowView> {
    return this.http.patch<WindowView>(
      this.hall(hallId, `/windows/${enc(windowId)}`),
      body,
    );
  }

  retireWindow(
    hallId: string,
    windowId: string,
    body: { effectiveDate?: string; note?: string },
  ): Observable<WindowView> {
    return this.http.post<WindowView>(
      this.hall(hallId, `/windows/${enc(windowId)}/retire`),
      body,
    );
  }

  staff(hallId: string): Observable<ListResponse<StaffView>> {
    return this.http.get<ListResponse<StaffView>>(this.hall(hallId, '/staff'), {
      params: { limit: 500 },
    });
  }

  createStaff(hallId: string, body: NewStaff): Observable<StaffView> {
    return this.http.post<StaffView>(this.hall(hallId, '/staff'), body);
  }

  updateStaff(
    hallId: string,
    staffId: string,
    body: StaffChange,
  ): Observable<StaffView> {
    return this.http.patch<StaffView>(
      this.hall(hallId, `/staff/${enc(staffId)}`),
      body,
    );
  }

  reassignments(
    hallId: string,
    limit = 50,
  ): Observable<ListResponse<ReassignmentView>> {
    return this.http.get<ListResponse<ReassignmentView>>(
      this.hall(hallId, '/reassignments'),
      { params: { limit } },
    );
  }

  createReassignment(
    hallId: string,
    body: NewReassignment,
  ): Observable<ReassignmentView> {
    return this.http.post<ReassignmentView>(
      this.hall(hallId, '/reassignments'),
      body,
    );
  }

  hallTargets(hallId: string): Observable<ListResponse<TargetView>> {
    return this.http.get<ListResponse<TargetView>>(
      this.hall(hallId, '/targets'),
      { params: { limit: 200 } },
    );
  }

  regionTargets(
    code: string,
    includeChildren = true,
  ): Observable<ListResponse<TargetView>> {
    return this.http.get<ListResponse<TargetView>>(
      `/api/v1/regions/${enc(code)}/targets`,
      {
        params: { includeChildren: String(includeChildren), limit: 500 },
      },
    );
  }

  createTarget(hallId: string, body: NewTarget): Observable<TargetView> {
    return this.http.post<TargetView>(this.hall(hallId, '/targets'), body);
  }

  updateTarget(id: string, body: TargetChange): Observable<TargetView> {
    return this.http.patch<TargetView>(`/api/v1/targets/${enc(id)}`, body);
  }

  deleteTarget(id: string): Observable<void> {
    return this.http.delete<void>(`/api/v1/targets/${enc(id)}`);
  }

  /** Every catalog category with its flag in the hall, and whether the hall follows the catalog. */
  specialistCategories(hallId: string): Observable<HallSpecialistCategories> {
    return this.http.get<HallSpecialistCategories>(
      this.hall(hallId, '/specialist-categories'),
    );
  }

  /** `codes`: exactly these categories are specialist in the hall; null: follow the catalog again. */
  setSpecialistCategories(
    hallId: string,
    codes: string[] | null,
  ): Observable<HallSpecialistCategories> {
    const body: SetSpecialistCategoriesRequest = { codes };
    return this.http.put<HallSpecialistCategories>(
      this.hall(hallId, '/specialist-categories'),
      body,
    );
  }

  /** The hall's queue rules: the green channel's streak cap and normal tickets' longest wait. */
  queueRules(hallId: string): Observable<HallQueueRules> {
    return this.http.get<HallQueueRules>(this.hall(hallId, '/queue-rules'));
  }

  /** Sets both queue rules of the hall. */
  setQueueRules(
    hallId: string,
    body: SetQueueRulesRequest,
  ): Observable<HallQueueRules> {
    return this.http.put<HallQueueRules>(
      this.hall(hallId, '/queue-rules'),
      body,
    );
  }

  devices(hallId: string): Observable<DeviceView[]> {
    return this.http.get<DeviceView[]>(this.hall(hallId, '/devices'));
  }

  createDevice(hallId: string, body: DeviceCreate): Observable<DeviceCreated> {
    return this.http.post<DeviceCreated>(this.hall(hallId, '/devices'), body);
  }

  revokeDevice(hallId: string, id: string): Observable<DeviceView> {
    return this.http.delete<DeviceView>(
      this.hall(hallId, `/devices/${enc(id)}`),
    );
  }

  /** Admins: every user (or a hall's); a hall manager: the users of its own hall. */
  users(filter: UserFilter = {}): Observable<ListResponse<UserView>> {
    const params: Record<string, string | number> = {
      limit: filter.limit ?? 500,
    };
    if (filter.hallId) params['hallId'] = filter.hallId;
    if (filter.role) params['role'] = filter.role;
    if (filter.offset) params['offset'] = filter.offset;
    return this.http.get<ListResponse<UserView>>('/api/v1/users', { params });
  }

  createUser(body: NewUser): Observable<UserView> {
    return this.http.post<UserView>('/api/v1/users', body);
  }

  updateUser(id: string, body: UserChange): Observable<UserView> {
    return this.http.patch<UserView>(`/api/v1/users/${enc(id)}`, body);
  }
}
