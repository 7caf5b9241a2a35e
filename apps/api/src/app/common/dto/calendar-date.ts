import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that exists (2020-02-30 does not). */
export function IsCalendarDate(): PropertyDecorator {
  return applyDecorators(
    Matches(DATE, { message: '$property must be YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real date' }),
  );
}
