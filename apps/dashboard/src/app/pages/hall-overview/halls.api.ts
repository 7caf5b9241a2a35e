import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  HallView,
  ListResponse,
  WindowHistoryResponse,
} from '@onewindow/contracts';
import { Observable } from 'rxjs';

/** The directory calls the hall pages need. */
@Injectable({ providedIn: 'root' })
export class HallsApi {
  private readonly http = inject(HttpClient);

  halls(regionCode: string, limit = 200): Observable<ListResponse<HallView>> {
    return this.http.get<ListResponse<HallView>>('/api/v1/halls', {
      params: { region: regionCode, limit },
    });
  }

  hall(hallId: string): Observable<HallView> {
    return this.http.get<HallView>(
      `/api/v1/halls/${encodeURIComponent(hallId)}`,
    );
  }

  windowHistory(
    hallId: string,
    from: string,
    to: string,
  ): Observable<WindowHistoryResponse> {
    return this.http.get<WindowHistoryResponse>(
      `/api/v1/halls/${encodeURIComponent(hallId)}/windows/history`,
      {
        params: { from, to },
      },
    );
  }
}
