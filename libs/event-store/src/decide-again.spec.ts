import { ConcurrencyConflict, RuleViolation } from '@saeil/core';
import { decideAgainOnConflict } from './command-handling';

describe('decideAgainOnConflict', () => {
  const conflict = () => new ConcurrencyConflict('follow-ups-p1', 2, 3);

  it('decides again after lost races and answers the attempt that won', async () => {
    let calls = 0;
    const answer = await decideAgainOnConflict(async () => {
      calls++;
      if (calls < 3) throw conflict();
      return 'recorded';
    });
    expect({ answer, calls }).toEqual({ answer: 'recorded', calls: 3 });
  });

  it('gives the conflict back after its attempts, and any other error at once', async () => {
    let calls = 0;
    await expect(
      decideAgainOnConflict(async () => {
        calls++;
        throw conflict();
      }, 4),
    ).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect(calls).toBe(4);
    calls = 0;
    await expect(
      decideAgainOnConflict(async () => {
        calls++;
        throw new RuleViolation('FOLLOW_UP_CANCELLED', '취소됨');
      }),
    ).rejects.toMatchObject({ code: 'FOLLOW_UP_CANCELLED' });
    expect(calls).toBe(1);
  });
});
