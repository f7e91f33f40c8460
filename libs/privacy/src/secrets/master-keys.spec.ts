import { randomBytes } from 'node:crypto';
import { masterKeyId } from '../crypto/master-keyring';
import { resolveMasterKeyring, SqlRunner } from './master-keys';

/** A database that fails the test if touched: production must be decided from configuration alone. */
const untouchable: SqlRunner = { query: () => Promise.reject(new Error('the database must not be used')) };
const silent = { warn: () => undefined };

describe('the master keyring from configuration', () => {
  const current = randomBytes(32);
  const retired = [randomBytes(32), randomBytes(32)];

  it('stops a production start without PRIVACY_MASTER_KEY, naming the variable', async () => {
    await expect(resolveMasterKeyring({}, 'production', untouchable, silent)).rejects.toThrow(
      /^PRIVACY_MASTER_KEY is not set: it is required in production/,
    );
  });

  it('in production uses PRIVACY_MASTER_KEY as current and PRIVACY_RETIRED_MASTER_KEYS for unwrapping only, without the database', async () => {
    const keyring = await resolveMasterKeyring(
      {
        PRIVACY_MASTER_KEY: current.toString('base64'),
        PRIVACY_RETIRED_MASTER_KEYS: retired.map((k) => k.toString('base64')).join(','),
      },
      'production',
      untouchable,
      silent,
    );
    expect(keyring.current).toEqual({ id: masterKeyId(current), key: current });
    expect(keyring.retiredIds).toEqual(retired.map(masterKeyId));
  });

  it('refuses a retired key that is not 32 bytes, naming its position', async () => {
    await expect(
      resolveMasterKeyring(
        {
          PRIVACY_MASTER_KEY: current.toString('base64'),
          PRIVACY_RETIRED_MASTER_KEYS: `${retired[0].toString('base64')},c2hvcnQ=`,
        },
        'production',
        untouchable,
        silent,
      ),
    ).rejects.toThrow(/^PRIVACY_RETIRED_MASTER_KEYS \(entry 2\) must be 32 random bytes/);
  });
});
