import { ConfigurationError, loadConfig } from './saeil-config';

describe('SAEIL_CLOCK_TODAY (tests and drills only)', () => {
  it('is unset unless given: the system clock is used', () => {
    expect(loadConfig({}).SAEIL_CLOCK_TODAY).toBeUndefined();
    expect(loadConfig({ SAEIL_CLOCK_TODAY: '' }).SAEIL_CLOCK_TODAY).toBeUndefined();
  });

  it('takes a Korean calendar day', () => {
    expect(loadConfig({ SAEIL_CLOCK_TODAY: '2026-02-21' }).SAEIL_CLOCK_TODAY).toBe('2026-02-21');
  });

  it.each(['21.02.2026', '2026-02-30', '2026-02-21T09:00:00Z'])('refuses %p, naming the setting', (value) => {
    expect(() => loadConfig({ SAEIL_CLOCK_TODAY: value })).toThrow(ConfigurationError);
    expect(() => loadConfig({ SAEIL_CLOCK_TODAY: value })).toThrow('SAEIL_CLOCK_TODAY');
  });
});
