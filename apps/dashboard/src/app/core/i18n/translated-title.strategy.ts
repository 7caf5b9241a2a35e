import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, combineLatest, of, switchMap } from 'rxjs';

/** Route titles are translation keys; the document title follows the language. */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly key = new BehaviorSubject<string | undefined>(undefined);

  constructor() {
    super();
    combineLatest([this.key, this.transloco.langChanges$])
      .pipe(
        switchMap(([key, lang]) =>
          combineLatest([
            this.transloco.selectTranslate<string>('app.product', {}, lang),
            key
              ? this.transloco.selectTranslate<string>(key, {}, lang)
              : of(null),
          ]),
        ),
      )
      .subscribe(([product, page]) =>
        this.title.setTitle(page ? `${page} · ${product}` : product),
      );
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.next(this.buildTitle(snapshot));
  }
}
