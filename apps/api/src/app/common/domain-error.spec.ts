import { QueryFailedError } from 'typeorm';
import { DomainError, domainErrorOfSql, ERROR_STATUS } from './domain-error';

describe('DomainError', () => {
  it('carries a code, the status the contract answers it with, and field details', () => {
    const e = DomainError.invalid('Invalid input: from', [
      { field: 'from', problems: ['is after to'] },
    ]);
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.status, e.message]).toEqual([
      'invalid',
      400,
      'Invalid input: from',
    ]);
    expect(e.details).toEqual([{ field: 'from', problems: ['is after to'] }]);
    expect(DomainError.notFound('Hall').message).toBe('Hall not found');
    expect(DomainError.notFound('Hall').status).toBe(404);
    expect(DomainError.unauthenticated().status).toBe(401);
    expect(DomainError.forbidden().status).toBe(403);
    expect(DomainError.conflict('x').status).toBe(409);
    expect(new DomainError('too_large', 'x').status).toBe(413);
    expect(Object.values(ERROR_STATUS).every((s) => s >= 400 && s < 600)).toBe(
      true,
    );
  });
});

describe('domainErrorOfSql', () => {
  const pgError = (code: string, message: string) =>
    Object.assign(new Error(message), { code });

  it("maps the product's own RAISE to its code with its message, through TypeORM's wrapper too", () => {
    const raised = pgError(
      'OW409',
      'This Idempotency-Key was used with another request body',
    );
    const wrapped = new QueryFailedError('SELECT issue_ticket(…)', [], raised);
    for (const e of [raised, wrapped]) {
      const d = domainErrorOfSql(e);
      expect(d?.code).toBe('conflict');
      expect(d?.message).toBe(
        'This Idempotency-Key was used with another request body',
      );
    }
    const missing = domainErrorOfSql(pgError('OW404', 'Window not found'));
    expect([missing?.code, missing?.status, missing?.message]).toEqual([
      'not_found',
      404,
      'Window not found',
    ]);
  });

  it('gives a known PostgreSQL error a fixed message (never the SQL), and nothing for others', () => {
    const d = domainErrorOfSql(
      pgError('22P02', 'invalid input syntax for type uuid: "x" in SELECT …'),
    );
    expect([d?.code, d?.message]).toEqual([
      'invalid',
      'Malformed value in request',
    ]);
    const nul = domainErrorOfSql(
      pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'),
    );
    expect([nul?.code, nul?.status, nul?.message]).toEqual([
      'invalid',
      400,
      'Text may not contain the NUL character (U+0000)',
    ]);
    expect(domainErrorOfSql(pgError('23503', 'foreign key …'))).toBeNull();
    expect(domainErrorOfSql(new Error('no code'))).toBeNull();
    expect(domainErrorOfSql(null)).toBeNull();
  });
});
