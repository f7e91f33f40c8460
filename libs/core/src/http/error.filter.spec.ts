import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isConnectionError } from './error.filter';

describe('isConnectionError: what answers 503 (the database is away) rather than 500', () => {
  it("knows the driver's connection failures", () => {
    expect(
      isConnectionError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isConnectionError(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
  });

  it('knows the query runner TypeORM released when its connection broke mid-transaction', () => {
    expect(isConnectionError(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('leaves other failures alone (a defect stays a 500)', () => {
    expect(isConnectionError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(
      isConnectionError(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })),
    ).toBe(false);
  });
});
