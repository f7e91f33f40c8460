import { describe, expect, it } from 'vitest';
import { eligibleMilestones, milestoneDate } from './eligible';

describe('who may receive a retention program benefit', () => {
  it('a milestone that day lacks falls on the month end', () => {
    expect(milestoneDate('2025-01-31', 1)).toBe('2025-02-28');
    expect(milestoneDate('2026-03-15', 3)).toBe('2026-06-15');
  });
  it('milestones in the program period and not after today; voided or ended placements do not reach them', () => {
    const period = { from: '2026-01-01', to: '2026-12-31' };
    const p = { placementId: 'p', employerName: 'e', startOn: '2025-11-20', status: 'active' };
    expect(eligibleMilestones(p, period, '2026-01-25')).toEqual([{ n: 2, milestoneOn: '2026-01-20' }]);
    expect(eligibleMilestones({ ...p, status: 'voided' }, period, '2026-03-01')).toEqual([]);
    expect(eligibleMilestones({ ...p, status: 'ended', endedOn: '2026-01-10' }, period, '2026-03-01')).toEqual([]);
  });
});
