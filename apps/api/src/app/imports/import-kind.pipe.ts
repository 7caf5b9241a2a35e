import { Injectable, PipeTransform } from '@nestjs/common';
import { IMPORT_KINDS, type ImportKind } from '@onewindow/contracts';
import { DomainError } from '../common/domain-error';

/** The {kind} of an upload route: one of IMPORT_KINDS, else a 400 naming them. */
@Injectable()
export class ImportKindPipe implements PipeTransform<string, ImportKind> {
  transform(value: string): ImportKind {
    if ((IMPORT_KINDS as readonly string[]).includes(value))
      return value as ImportKind;
    throw DomainError.invalid(
      `Unknown import kind "${value}": use ${IMPORT_KINDS.join(', ')}`,
      [
        {
          field: 'kind',
          problems: [`must be one of ${IMPORT_KINDS.join(', ')}`],
        },
      ],
    );
  }
}
