import { describe, expect, it } from 'vitest';
import { accessLogSearch, unusualThreshold } from './access-log-search';

describe('접속기록: what counts as unusual', () => {
  it('three times the median account, never below 50', () => {
    expect(unusualThreshold([10, 12, 14])).toBe(50);
    expect(unusualThreshold([40, 40, 60, 400])).toBe(150);
    expect(unusualThreshold([])).toBe(Infinity);
  });
  it('a hand-edited URL keeps only what it understands', () => {
    expect(accessLogSearch({ month: '2026-13', actor: 'kim', action: 'read.timeline' })).toEqual({
      actor: 'kim',
      action: 'read.timeline',
    });
    expect(accessLogSearch({ month: '2026-11', action: 'x y' })).toEqual({ month: '2026-11' });
  });
});
