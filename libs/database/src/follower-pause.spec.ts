import { followerPause } from './waker';

describe('followerPause: how long a follower of the event store sleeps after a batch that was not full', () => {
  it('sleeps the polling interval when nothing committed waits (a notification wakes it for what comes)', () => {
    expect(followerPause(0, 0, 500)).toBe(500);
  });

  it('looks again within milliseconds when committed events wait behind an open transaction, doubling towards the polling interval', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((retries) => followerPause(3, retries, 500))).toEqual([
      5, 10, 20, 40, 80, 160, 320, 320, 320,
    ]);
    expect(followerPause(3, 7, 100)).toBe(100); // never longer than the polling interval
  });
});
