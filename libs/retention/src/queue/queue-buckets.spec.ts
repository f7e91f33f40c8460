import { countBuckets, queueBucket } from './queue-buckets';

// Month 1 of a start on 2026-01-31: due 2026-02-28, window 2026-02-21 … 2026-03-14.
const month1 = { opensOn: '2026-02-21', closesOn: '2026-03-14' };

describe('work queue buckets', () => {
  it('is upcoming while the window opens more than 6 days away', () => {
    expect(queueBucket(month1, '2026-02-14')).toBe('upcoming');
  });

  it('is due this week from 6 days before the opening', () => {
    expect(queueBucket(month1, '2026-02-15')).toBe('dueThisWeek');
    expect(queueBucket(month1, '2026-02-21')).toBe('dueThisWeek');
  });

  it('stays due this week through the last day of the window', () => {
    expect(queueBucket(month1, '2026-03-14')).toBe('dueThisWeek');
  });

  it('is overdue from the day after the window closed', () => {
    expect(queueBucket(month1, '2026-03-15')).toBe('overdue');
  });

  it('counts each milestone in one bucket', () => {
    const month2 = { opensOn: '2026-03-24', closesOn: '2026-04-14' };
    const month3 = { opensOn: '2026-04-23', closesOn: '2026-05-14' };
    expect(countBuckets([month1, month2, month3], '2026-03-20')).toEqual({ overdue: 1, dueThisWeek: 1, upcoming: 1 });
    expect(countBuckets([], '2026-03-20')).toEqual({ overdue: 0, dueThisWeek: 0, upcoming: 0 });
  });
});
