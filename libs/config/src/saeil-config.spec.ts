import { ConfigurationError, loadConfig } from './saeil-config';

describe('configuration', () => {
  it('starts from documented defaults: embedded PostgreSQL, no Kafka, port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ DATABASE_URL: undefined, KAFKA_BROKERS: undefined, PORT: 3000, SAEIL_DATA_DIR: '.data', KAFKA_TOPIC_PARTITIONS: 6 });
    expect(config.kafkaEnabled).toBe(false);
  });

  it('reads numbers, booleans and the broker list from strings', () => {
    const config = loadConfig({ PORT: '8080', RUN_WORKER: 'false', KAFKA_BROKERS: 'k1:9092,k2:9092', DATABASE_URL: 'postgres://u@h/db' });
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

  it('treats an empty variable as unset (docker-compose passes empty strings)', () => {
    expect(loadConfig({ DATABASE_URL: '', KAFKA_BROKERS: '' }).kafkaEnabled).toBe(false);
  });
});
