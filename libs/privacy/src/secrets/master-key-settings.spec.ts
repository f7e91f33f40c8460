import { randomBytes } from 'node:crypto';
import { ConfigurationError, loadConfig } from '@saeil/config';

describe('PRIVACY_MASTER_KEY and PRIVACY_RETIRED_MASTER_KEYS settings', () => {
  const key = () => randomBytes(32).toString('base64');

  it('are unset by default (a development start generates a key) and read as given', () => {
    expect(loadConfig({})).toMatchObject({ PRIVACY_MASTER_KEY: undefined, PRIVACY_RETIRED_MASTER_KEYS: undefined });
    const [current, old1, old2] = [key(), key(), key()];
    expect(loadConfig({ PRIVACY_MASTER_KEY: current, PRIVACY_RETIRED_MASTER_KEYS: `${old1},${old2}` })).toMatchObject({
      PRIVACY_MASTER_KEY: current,
      PRIVACY_RETIRED_MASTER_KEYS: `${old1},${old2}`,
    });
    expect(loadConfig({ PRIVACY_MASTER_KEY: '', PRIVACY_RETIRED_MASTER_KEYS: '' })).toMatchObject({
      PRIVACY_MASTER_KEY: undefined,
      PRIVACY_RETIRED_MASTER_KEYS: undefined,
    });
  });

  it('refuse a key that is not 32 bytes of base64 at start, naming the variable', () => {
    for (const bad of [
      randomBytes(16).toString('base64'),
      randomBytes(48).toString('base64'),
      'a passphrase is not a key, sorry!!!!!!!!!!!!',
      randomBytes(32).toString('hex'),
    ]) {
      expect(() => loadConfig({ PRIVACY_MASTER_KEY: bad })).toThrow(ConfigurationError);
      expect(() => loadConfig({ PRIVACY_MASTER_KEY: bad })).toThrow(
        /PRIVACY_MASTER_KEY: PRIVACY_MASTER_KEY must be 32 bytes in base64/,
      );
    }
    expect(() => loadConfig({ PRIVACY_RETIRED_MASTER_KEYS: `${key()},${randomBytes(31).toString('base64')}` })).toThrow(
      /PRIVACY_RETIRED_MASTER_KEYS: /,
    );
  });
});
