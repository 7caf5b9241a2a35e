import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from './domain-error';

/** A route id that must be a UUID: anything else is a 400 naming the parameter (never a SQL error). */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (!isUUID(value)) {
      throw DomainError.invalid(`${this.field} must be a UUID`, [
        { field: this.field, problems: ['must be a UUID'] },
      ]);
    }
    return value;
  }
}
