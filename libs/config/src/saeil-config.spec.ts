import { randomBytes } from 'node:crypto';
import { ConfigurationError, loadConfig } from './saeil-config';

describe('configuration', () => {
  it('starts from documented defaults: embedded PostgreSQL, no Kafka, port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: undefined,
      KAFKA_BROKERS: undefined,
      PORT: 3000,
      SAEIL_DATA_DIR: '.data',
      KAFKA_TOPIC_PARTITIONS: 6,
    });
    expect(config.kafkaEnabled).toBe(false);
  });

  it('reads numbers, booleans and the broker list from strings', () => {
    const config = loadConfig({
      PORT: '8080',
      RUN_WORKER: 'false',
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      DATABASE_URL: 'postgres://u@h/db',
    });
    expect(config).toMatchObject({ PORT: 8080, RUN_WORKER: false });
    expect(config.kafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
    expect(config.kafkaEnabled).toBe(true);
  });

  it('refuses bad settings with a message naming each one', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'kafka', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'LOG_LEVEL']) expect(message).toContain(`${name}:`);
  });

  it('refuses to start in production without ACCESS_LOG_MAC_KEY (or with a short one), naming it; elsewhere it may be unset', () => {
    for (const value of [undefined, '', 'too-short-a-key']) {
      expect(() => loadConfig({ NODE_ENV: 'production', ACCESS_LOG_MAC_KEY: value })).toThrow(ConfigurationError);
      expect(() => loadConfig({ NODE_ENV: 'production', ACCESS_LOG_MAC_KEY: value })).toThrow(/ACCESS_LOG_MAC_KEY: /);
    }
    // A repeated character is refused like every weak secret in production; a random one is taken.
    expect(() => loadConfig({ NODE_ENV: 'production', ACCESS_LOG_MAC_KEY: 'k'.repeat(32) })).toThrow(
      /ACCESS_LOG_MAC_KEY: /,
    );
    const key = randomBytes(48).toString('base64');
    expect(loadConfig({ NODE_ENV: 'production', ACCESS_LOG_MAC_KEY: key }).ACCESS_LOG_MAC_KEY).toBe(key);
    expect(loadConfig({ NODE_ENV: 'development' }).ACCESS_LOG_MAC_KEY).toBeUndefined();
  });

  it('treats an empty variable as unset (docker-compose passes empty strings)', () => {
    expect(loadConfig({ DATABASE_URL: '', KAFKA_BROKERS: '' }).kafkaEnabled).toBe(false);
  });

  it('allows no cross-origin caller unless CORS_ORIGINS lists origins, and refuses anything that is not an http(s) origin', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://saeil.example.kr, http://localhost:5173' }).corsOrigins).toEqual([
      'https://saeil.example.kr',
      'http://localhost:5173',
    ]);
    for (const bad of [
      '*',
      'saeil.example.kr',
      'https://saeil.example.kr/app',
      'ftp://x.kr',
      'https://a.kr,,https://b.kr',
    ]) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS: /);
    }
  });

  it('trusts no proxy unless TRUST_PROXY names them (a hop count, or addresses, subnets and names), refusing anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    for (const bad of ['true', '*', 'proxy.example.kr', '1,', '10.0.0.0/8;rm']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY: /);
    }
  });

  it('reads the body limit and the expensive-read rate limit, refusing nonsense', () => {
    expect(loadConfig({})).toMatchObject({ HTTP_BODY_LIMIT: '256kb', RATE_LIMIT_EXPENSIVE_PER_MINUTE: 60 });
    expect(loadConfig({ HTTP_BODY_LIMIT: '1mb', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0' })).toMatchObject({
      HTTP_BODY_LIMIT: '1mb',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: 0,
    });
    expect(() => loadConfig({ HTTP_BODY_LIMIT: 'lots' })).toThrow(/HTTP_BODY_LIMIT: /);
    expect(() => loadConfig({ RATE_LIMIT_EXPENSIVE_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_EXPENSIVE_PER_MINUTE: /);
  });
});
