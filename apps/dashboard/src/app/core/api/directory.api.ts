import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CategoryView,
  HallView,
  ListResponse,
  RegionView,
  WindowHistoryResponse,
} from '@onewindow/contracts';
import { Observable, shareReplay, tap } from 'rxjs';

const enc = encodeURIComponent;

/** The directory: regions, halls, categories and a hall's window history. */
@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly http = inject(HttpClient);
  private categories$?: Observable<CategoryView[]>;

  halls(regionCode: string, limit = 200): Observable<ListResponse<HallView>> {
    return this.http.get<ListResponse<HallView>>('/api/v1/halls', {
      params: { region: regionCode, limit },
    });
  }

  hall(hallId: string): Observable<HallView> {
    return this.http.get<HallView>(`/api/v1/halls/${enc(hallId)}`);
  }

  region(code: string): Observable<RegionView> {
    return this.http.get<RegionView>(`/api/v1/regions/${enc(code)}`);
  }

  /** The province-wide catalog of categories (asked once per session). */
  categories(): Observable<CategoryView[]> {
    this.categories$ ??= this.http
      .get<CategoryView[]>('/api/v1/categories')
      .pipe(
        tap({ error: () => (this.categories$ = undefined) }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.categories$;
  }

  windowHistory(
    hallId: string,
    from: string,
    to: string,
  ): Observable<WindowHistoryResponse> {
    return this.http.get<WindowHistoryResponse>(
      `/api/v1/halls/${enc(hallId)}/windows/history`,
      { params: { from, to } },
    );
  }
}
