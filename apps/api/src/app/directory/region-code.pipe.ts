import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../common/domain-error';

@Injectable()
export class RegionCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^\d{6,12}$/.test(value)) {
      throw DomainError.invalid('Invalid region code', [
        { field: 'code', problems: ['must be 6–12 digits'] },
      ]);
    }
    return value;
  }
}
