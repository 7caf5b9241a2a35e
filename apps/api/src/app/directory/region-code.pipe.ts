import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiErrorException } from '../common/api-error.exception';

@Injectable()
export class RegionCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^\d{6,12}$/.test(value)) {
      throw ApiErrorException.badRequest('Invalid region code', [
        { field: 'code', problems: ['must be 6–12 digits'] },
      ]);
    }
    return value;
  }
}
