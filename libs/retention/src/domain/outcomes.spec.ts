import type { FollowUpEvent, FollowUpOutcome, MilestoneNumber } from './events';
import { followUpsDecider, FollowUpsCommand, FollowUpsState } from './follow-ups.decider';
import { outcomeAt, retentionAt, retentionCounts, retentionRates } from './outcomes';

const clientId = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';

/** One placement's follow-up state, built through the decider as the stream would be. */
class Placement {
  private events: FollowUpEvent[] = [];

  constructor(
    private readonly placementId: string,
    startOn: string,
  ) {
    this.run({
      type: 'SchedulePlacementFollowUps',
      placement: { clientId, placementId, startOn },
      centerId: 'center-jinju',
      counselorId: 'counselor-kim',
      window: { daysBefore: 7, daysAfter: 14 },
    });
  }

  followedUp(n: MilestoneNumber, contactedOn: string, outcome: FollowUpOutcome): this {
    return this.run({
      type: 'RecordFollowUp',
      placementId: this.placementId,
      n,
      contactedOn,
      channel: 'phone',
      outcome,
      support: [],
      today: contactedOn,
    });
  }

  ended(endedOn: string): this {
    return this.run({ type: 'CloseForEmploymentEnd', placementId: this.placementId, endedOn });
  }

  voided(): this {
    return this.run({ type: 'CancelForVoidedPlacement', placementId: this.placementId });
  }

  get state(): FollowUpsState {
    return this.events.reduce(followUpsDecider.evolve, followUpsDecider.initialState());
  }

  private run(command: FollowUpsCommand): this {
    this.events = [...this.events, ...followUpsDecider.decide(command, this.state)];
    return this;
  }
}

const placement = (startOn: string, id = 'p') => new Placement(id, startOn);

describe('outcome at a milestone', () => {
  // Start 2026-01-31: month 1 on 2026-02-28, month 2 on 2026-03-31, month 3 on 2026-04-30.
  it('is not eligible before the milestone date, and eligible (unverified) on the date itself', () => {
    const state = placement('2026-01-31').state;
    expect(outcomeAt(1, '2026-02-27', state)).toBeUndefined();
    expect(outcomeAt(1, '2026-02-28', state)).toBe('unverified');
  });

  it('is the outcome of the follow-up recorded for that milestone', () => {
    const state = placement('2026-01-31').followedUp(1, '2026-02-26', 'employed_other_employer').state;
    expect(outcomeAt(1, '2026-03-31', state)).toBe('employed_other_employer');
    expect(outcomeAt(2, '2026-03-31', state)).toBe('unverified');
  });

  it('is not employed when an employment end dated before the milestone was recorded', () => {
    const state = placement('2026-01-31').ended('2026-03-30').state;
    expect(outcomeAt(1, '2026-04-30', state)).toBe('unverified');
    expect(outcomeAt(2, '2026-04-30', state)).toBe('not_employed');
    expect(outcomeAt(3, '2026-04-30', state)).toBe('not_employed');
  });

  it('stays unverified when the employment ended on the milestone day (not before it)', () => {
    expect(outcomeAt(2, '2026-04-30', placement('2026-01-31').ended('2026-03-31').state)).toBe('unverified');
  });

  it('takes a recorded follow-up over an employment end (she found another job)', () => {
    const state = placement('2026-01-31')
      .ended('2026-03-30')
      .followedUp(3, '2026-05-02', 'employed_other_employer').state;
    expect(outcomeAt(3, '2026-05-02', state)).toBe('employed_other_employer');
  });

  it('as of a past day, ignores a follow-up made after that day', () => {
    const state = placement('2026-01-31').followedUp(1, '2026-03-10', 'employed_same_employer').state;
    expect(outcomeAt(1, '2026-03-09', state)).toBe('unverified');
    expect(outcomeAt(1, '2026-03-10', state)).toBe('employed_same_employer');
  });

  it('is never eligible for a voided placement, nor for one never scheduled', () => {
    const voided = placement('2026-01-31').followedUp(1, '2026-02-27', 'employed_same_employer').voided().state;
    expect(outcomeAt(1, '2026-12-31', voided)).toBeUndefined();
    expect(outcomeAt(1, '2026-12-31', followUpsDecider.initialState())).toBeUndefined();
  });
});

describe('retention counts and rates', () => {
  /*
   * Ten placements, as of 2026-04-30 (milestone dates in brackets):
   *  P1  01-05 [02-05 03-05 04-05]  same, same, same
   *  P2  01-10 [02-10 03-10 04-10]  same, other; ended 03-31, then found in another job at month 3 → other
   *  P3  01-20 [02-20 03-20 04-20]  same; ended 03-01 → months 2 and 3 not employed
   *  P4  01-31 [02-28 03-31 04-30]  unreachable; months 2 and 3 not followed up → unverified
   *  P5  02-15 [03-15 04-15 05-15]  same, not employed (recorded); month 3 not yet eligible
   *  P6  02-28 [03-28 04-28 05-28]  month 1 not followed up → unverified; same
   *  P7  03-10 [04-10 05-10 06-10]  ended on 04-10, the milestone day itself → month 1 unverified
   *  P8  03-31 [04-30 05-31 06-30]  followed up on 05-02, after the as-of day → unverified
   *  P9  04-15 [05-15 …]            nothing eligible yet
   *  P10 01-05                      voided: counts nowhere, although followed up
   *
   *  month 1: eligible 8 = same 4 (P1 P2 P3 P5) + unreachable 1 (P4) + unverified 3 (P6 P7 P8)
   *  month 2: eligible 6 = same 2 (P1 P6) + other 1 (P2) + not employed 2 (P3 P5) + unverified 1 (P4)
   *  month 3: eligible 4 = same 1 (P1) + other 1 (P2) + not employed 1 (P3) + unverified 1 (P4)
   */
  const asOf = '2026-04-30';
  const states = [
    placement('2026-01-05', 'P1')
      .followedUp(1, '2026-02-05', 'employed_same_employer')
      .followedUp(2, '2026-03-05', 'employed_same_employer')
      .followedUp(3, '2026-04-06', 'employed_same_employer'),
    placement('2026-01-10', 'P2')
      .followedUp(1, '2026-02-10', 'employed_same_employer')
      .followedUp(2, '2026-03-12', 'employed_other_employer')
      .ended('2026-03-31')
      .followedUp(3, '2026-04-13', 'employed_other_employer'),
    placement('2026-01-20', 'P3').followedUp(1, '2026-02-19', 'employed_same_employer').ended('2026-03-01'),
    placement('2026-01-31', 'P4').followedUp(1, '2026-03-02', 'unreachable'),
    placement('2026-02-15', 'P5')
      .followedUp(1, '2026-03-16', 'employed_same_employer')
      .followedUp(2, '2026-04-15', 'not_employed'),
    placement('2026-02-28', 'P6').followedUp(2, '2026-04-27', 'employed_same_employer'),
    placement('2026-03-10', 'P7').ended('2026-04-10'),
    placement('2026-03-31', 'P8').followedUp(1, '2026-05-02', 'employed_same_employer'),
    placement('2026-04-15', 'P9'),
    placement('2026-01-05', 'P10').followedUp(1, '2026-02-05', 'employed_same_employer').voided(),
  ].map((p) => p.state);

  it('counts month 1: 8 eligible, 4 with the same employer, 1 unreachable, 3 unverified; retention 50 %, unverified 37.5 %', () => {
    const [month1] = retentionAt(states, asOf);
    expect(month1).toEqual({
      n: 1,
      counts: { eligible: 8, sameEmployer: 4, otherEmployer: 0, notEmployed: 0, unreachable: 1, unverified: 3 },
      rates: { retentionRate: 0.5, anyEmployerRate: 0.5, unverifiedShare: 0.375 },
    });
  });

  it('counts month 2 from unrounded numbers: retention 2/6, any employer 3/6, unverified 1/6', () => {
    const [, month2] = retentionAt(states, asOf);
    expect(month2.counts).toEqual({
      eligible: 6,
      sameEmployer: 2,
      otherEmployer: 1,
      notEmployed: 2,
      unreachable: 0,
      unverified: 1,
    });
    expect(month2.rates).toEqual({ retentionRate: 2 / 6, anyEmployerRate: 3 / 6, unverifiedShare: 1 / 6 });
  });

  it('counts month 3: 4 eligible; the end before the milestone is not employed, a later follow-up in another job wins', () => {
    const [, , month3] = retentionAt(states, asOf);
    expect(month3).toEqual({
      n: 3,
      counts: { eligible: 4, sameEmployer: 1, otherEmployer: 1, notEmployed: 1, unreachable: 0, unverified: 1 },
      rates: { retentionRate: 0.25, anyEmployerRate: 0.5, unverifiedShare: 0.25 },
    });
  });

  it('as of a later day, the late follow-up of P8 counts and more placements become eligible', () => {
    expect(retentionCounts(states, 1, '2026-05-02')).toEqual({
      eligible: 8,
      sameEmployer: 5,
      otherEmployer: 0,
      notEmployed: 0,
      unreachable: 1,
      unverified: 2,
    });
  });

  it('gives null rates, not 0 or NaN, when nobody is eligible', () => {
    expect(retentionAt(states, '2026-02-01').map((m) => m.rates)).toEqual([
      { retentionRate: null, anyEmployerRate: null, unverifiedShare: null },
      { retentionRate: null, anyEmployerRate: null, unverifiedShare: null },
      { retentionRate: null, anyEmployerRate: null, unverifiedShare: null },
    ]);
    expect(
      retentionRates({ eligible: 0, sameEmployer: 0, otherEmployer: 0, notEmployed: 0, unreachable: 0, unverified: 0 })
        .retentionRate,
    ).toBeNull();
  });
});
