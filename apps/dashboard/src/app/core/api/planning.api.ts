import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreatePlanRequest,
  ListResponse,
  PlanView,
} from '@onewindow/contracts';
import { Observable } from 'rxjs';

/** `POST /planning/erlang-c` (api-contract.md, Planning). */
export interface ErlangCRequest {
  arrivalsPerHour: number;
  meanServiceMinutes: number;
  target: { waitMinutes: number; share: number };
  windows?: number;
}

export interface ErlangCAnswer {
  windowsRequired: number;
  probabilityOfWaiting: number;
  /** null when the windows cannot keep up */
  meanWaitMinutes: number | null;
  shareWithinTarget: number;
  utilisation: number;
}

const enc = encodeURIComponent;

/** The planner's calls: the instant Erlang C answer and the plans (simulation runs) of a hall. */
@Injectable({ providedIn: 'root' })
export class PlanningApi {
  private readonly http = inject(HttpClient);

  erlangC(body: ErlangCRequest): Observable<ErlangCAnswer> {
    return this.http.post<ErlangCAnswer>('/api/v1/planning/erlang-c', body);
  }

  createPlan(
    hallId: string,
    body: CreatePlanRequest,
  ): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(
      `/api/v1/halls/${enc(hallId)}/plans`,
      body,
    );
  }

  plan(id: string): Observable<PlanView> {
    return this.http.get<PlanView>(`/api/v1/plans/${enc(id)}`);
  }

  plans(hallId: string): Observable<ListResponse<PlanView>> {
    return this.http.get<ListResponse<PlanView>>(
      `/api/v1/halls/${enc(hallId)}/plans`,
    );
  }
}
