import { loadConfig } from '@saeil/config';

describe('ACCESS_LOG_RETENTION_DAYS', () => {
  it('defaults to two years', () => {
    expect(loadConfig({}).ACCESS_LOG_RETENTION_DAYS).toBe(730);
  });

  it('refuses less than two years at start', () => {
    expect(() => loadConfig({ ACCESS_LOG_RETENTION_DAYS: '365' })).toThrow(/ACCESS_LOG_RETENTION_DAYS/);
    expect(loadConfig({ ACCESS_LOG_RETENTION_DAYS: '1825' }).ACCESS_LOG_RETENTION_DAYS).toBe(1825);
  });
});
