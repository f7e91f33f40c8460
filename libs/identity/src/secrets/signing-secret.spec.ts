import type { DataSource } from 'typeorm';
import { resolveSigningSecret } from './signing-secret';

/** A data source that fails the test if touched: these cases must be decided before any database use. */
const untouchable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('the database must not be used');
    },
  },
) as DataSource;
const silent = { warn: () => undefined };

describe('access-token signing key', () => {
  it('uses JWT_SECRET when it is set, in production or not', async () => {
    await expect(resolveSigningSecret('s'.repeat(32), 'production', untouchable, silent)).resolves.toBe('s'.repeat(32));
    await expect(resolveSigningSecret('t'.repeat(40), undefined, untouchable, silent)).resolves.toBe('t'.repeat(40));
  });

  it('stops a production start without JWT_SECRET, naming the variable', async () => {
    await expect(resolveSigningSecret(undefined, 'production', untouchable, silent)).rejects.toThrow(
      /^JWT_SECRET is not set: it is required in production/,
    );
  });
});
