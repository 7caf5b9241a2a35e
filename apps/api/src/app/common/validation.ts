import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { ErrorDetail } from '@onewindow/contracts';
import { DomainError } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) {
      out.push({
        field,
        problems: Object.values(e.constraints).map((p) =>
          p.startsWith('property ') && p.endsWith('should not exist')
            ? 'is not an allowed field'
            : p,
        ),
      });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** The global pipe: whitelist, reject unknown fields, transform; 400 with a detail per bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return DomainError.invalid(
        `Invalid input: ${details.map((d) => d.field).join(', ')}`,
        details,
      );
    },
  });
}
