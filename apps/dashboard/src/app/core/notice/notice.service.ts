import { Injectable, signal } from '@angular/core';

export interface Notice {
  kind: 'info' | 'error';
  /** Translation key of the text. */
  key: string;
  params?: Record<string, string>;
}

/** One message for the whole app (e.g. "not allowed"), shown above the page until dismissed. */
@Injectable({ providedIn: 'root' })
export class NoticeService {
  private readonly value = signal<Notice | null>(null);
  readonly notice = this.value.asReadonly();

  show(notice: Notice): void {
    this.value.set(notice);
  }

  clear(): void {
    this.value.set(null);
  }
}
