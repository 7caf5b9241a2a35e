import {
  Directive,
  ElementRef,
  effect,
  inject,
  input,
  TemplateRef,
} from '@angular/core';

/**
 * The template of a table's cells, by column: `<ng-template appAdminCell="actions"
 * [appAdminCellOf]="rows" let-row>` (the rows only type `row` in the template).
 */
@Directive({ selector: 'ng-template[appAdminCell]' })
export class AdminCell<T> {
  readonly appAdminCell = input.required<string>();
  readonly appAdminCellOf = input<readonly T[]>([]);
  readonly template = inject<TemplateRef<{ $implicit: T }>>(TemplateRef);

  /** Types the template's row (a compile-time guard: its arguments are never read). */
  static ngTemplateContextGuard<T>(
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    dir: AdminCell<T>,
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    ctx: unknown,
  ): ctx is { $implicit: T } {
    return true;
  }
}

/** Sets the attributes of an element from a record (null removes one): row names for tests. */
@Directive({ selector: '[appAttrs]' })
export class Attrs {
  readonly appAttrs = input<Readonly<Record<string, string | null>>>({});

  constructor() {
    const el = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    effect(() => {
      for (const [name, value] of Object.entries(this.appAttrs()))
        if (value === null) el.removeAttribute(name);
        else el.setAttribute(name, value);
    });
  }
}
