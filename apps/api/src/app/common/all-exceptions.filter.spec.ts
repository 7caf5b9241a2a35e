import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { isDatabaseUnavailable } from './all-exceptions.filter';

describe('isDatabaseUnavailable', () => {
  const pgError = (code: string, message: string) =>
    Object.assign(new Error(message), { code });

  it('reads a lost or refused connection as the database unavailable', () => {
    expect(
      isDatabaseUnavailable(
        pgError('57P01', 'terminating connection due to administrator command'),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Connection terminated unexpectedly')),
    ).toBe(true);
    expect(isDatabaseUnavailable(pgError('ECONNREFUSED', 'connect'))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable(
        new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating')),
      ),
    ).toBe(true);
  });

  it('reads a transaction whose connection was ended under it (a statement or COMMIT on a released runner) as unavailable', () => {
    // what a PostgreSQL restart leaves a transaction in flight with (found by the resilience suite)
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(
      true,
    );
    // …or at its next statement
    expect(
      isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError()),
    ).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key'))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
