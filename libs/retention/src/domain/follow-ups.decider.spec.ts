import { RuleViolation, addDays } from '@saeil/core';
import type { FollowUpEvent } from './events';
import { followUpsStreamId } from './events';
import { deciderSpec } from '../../../../tests/support/decider-spec';
import {
  CancelForVoidedPlacement,
  CloseForEmploymentEnd,
  followUpsDecider,
  FollowUpsCommand,
  MarkFollowUpDue,
  MarkFollowUpOverdue,
  RecordFollowUp,
  SchedulePlacementFollowUps,
} from './follow-ups.decider';

const clientId = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';
const placementId = '5d0c3c1e-8a53-4b8e-9a43-1f2f0d6c7a01';

// Started on the 31st: month 1 falls on the last day of February.
const schedule: SchedulePlacementFollowUps = {
  type: 'SchedulePlacementFollowUps',
  placement: { clientId, placementId, startOn: '2026-01-31' },
  centerId: 'center-jinju',
  counselorId: 'counselor-kim',
  window: { daysBefore: 7, daysAfter: 14 },
};
const markDue = (n: number, today: string): MarkFollowUpDue => ({ type: 'MarkFollowUpDue', placementId, n, today });
const markOverdue = (n: number, today: string): MarkFollowUpOverdue => ({
  type: 'MarkFollowUpOverdue',
  placementId,
  n,
  today,
});
const recordIt: RecordFollowUp = {
  type: 'RecordFollowUp',
  placementId,
  n: 1,
  contactedOn: '2026-02-27',
  channel: 'phone',
  outcome: 'employed_same_employer',
  difficulties: [' 야간 근무 부담 '],
  support: ['counseling', 'gift_or_celebration'],
  programId: 'go-100-2026',
  today: '2026-03-02',
};
const cancel: CancelForVoidedPlacement = { type: 'CancelForVoidedPlacement', placementId };
const close = (endedOn: string): CloseForEmploymentEnd => ({ type: 'CloseForEmploymentEnd', placementId, endedOn });

// Retention's events are internal (not in the contracts registry): nothing to check them against.
const { given, when } = deciderSpec(followUpsDecider);

/** Decides and appends, like handleCommand: the history after the command. */
function after(history: FollowUpEvent[], ...commands: FollowUpsCommand[]): FollowUpEvent[] {
  return commands.reduce(
    (events, command) => [
      ...events,
      ...given(...events)
        .when(command)
        .events(),
    ],
    history,
  );
}

const scheduled = (): FollowUpEvent[] => when(schedule).events();

/** Runs the daily sweep (due, then overdue, for every milestone) over each day in [from, to]. */
function sweepDaily(history: FollowUpEvent[], from: string, to: string): FollowUpEvent[] {
  let events = history;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const n of [1, 2, 3]) events = after(events, markDue(n, day), markOverdue(n, day));
  }
  return events;
}

describe('follow-ups decider: scheduling from EmploymentStarted', () => {
  it('names its stream after the placement', () => {
    expect(followUpsStreamId(placementId)).toBe(`follow-ups-${placementId}`);
  });

  it('given a new placement, when scheduled, then months 1–3 with their milestone dates and contact windows', () => {
    when(schedule).then([
      {
        type: 'FollowUpsScheduled',
        data: {
          clientId,
          placementId,
          centerId: 'center-jinju',
          counselorId: 'counselor-kim',
          startOn: '2026-01-31',
          milestones: [
            { n: 1, dueOn: '2026-02-28', opensOn: '2026-02-21', closesOn: '2026-03-14' },
            { n: 2, dueOn: '2026-03-31', opensOn: '2026-03-24', closesOn: '2026-04-14' },
            { n: 3, dueOn: '2026-04-30', opensOn: '2026-04-23', closesOn: '2026-05-14' },
          ],
        },
      },
    ]);
  });

  it('given already scheduled (a redelivered EmploymentStarted), then nothing', () => {
    given(...scheduled())
      .when(schedule)
      .then([]);
  });

  it('given the placement was voided, then a late EmploymentStarted schedules nothing', () => {
    given(...after(scheduled(), cancel))
      .when(schedule)
      .then([]);
  });

  it('refuses a misconfigured contact window (CONTACT_WINDOW_INVALID)', () => {
    when({ ...schedule, window: { daysBefore: -3, daysAfter: 14 } }).thenRefuses('CONTACT_WINDOW_INVALID');
  });
});

describe('follow-ups decider: due, exactly once per milestone', () => {
  it('given scheduled, when the sweep runs the day before the window opens, then nothing', () => {
    given(...scheduled())
      .when(markDue(1, '2026-02-20'))
      .then([]);
  });

  it('given scheduled, when the sweep runs on the opening day, then FollowUpDue', () => {
    given(...scheduled())
      .when(markDue(1, '2026-02-21'))
      .then([{ type: 'FollowUpDue', data: { placementId, n: 1 } }]);
  });

  it('given already due, when marked again (the next day, or a retried sweep), then nothing', () => {
    const history = after(scheduled(), markDue(1, '2026-02-21'));
    given(...history)
      .when(markDue(1, '2026-02-21'))
      .then([]);
    given(...history)
      .when(markDue(1, '2026-02-22'))
      .then([]);
  });

  it('marks each milestone on its own: month 2 is not due while month 1 is', () => {
    given(...scheduled())
      .when(markDue(2, '2026-02-21'))
      .then([]);
    given(...after(scheduled(), markDue(1, '2026-02-21')))
      .when(markDue(2, '2026-03-24'))
      .then([{ type: 'FollowUpDue', data: { placementId, n: 2 } }]);
  });

  it('given the milestone was followed up on the opening day before the sweep ran, then it never becomes due', () => {
    const history = after(scheduled(), { ...recordIt, contactedOn: '2026-02-21', today: '2026-02-21' });
    given(...history)
      .when(markDue(1, '2026-02-21'))
      .then([]);
    given(...history)
      .when(markOverdue(1, '2026-03-15'))
      .then([]);
  });

  it('given the follow-ups were cancelled, then nothing becomes due', () => {
    given(...after(scheduled(), cancel))
      .when(markDue(1, '2026-02-21'))
      .then([]);
  });

  it('refuses an unknown milestone (UNKNOWN_MILESTONE) and an unscheduled placement (404)', () => {
    given(...scheduled())
      .when(markDue(4, '2026-02-21'))
      .thenRefuses('UNKNOWN_MILESTONE', expect.objectContaining({ n: 4 }));
    when(markDue(1, '2026-02-21')).thenRefuses('NOT_FOUND');
  });
});

describe('follow-ups decider: overdue, exactly once per milestone', () => {
  const due = (): FollowUpEvent[] => after(scheduled(), markDue(1, '2026-02-21'));

  it('given due and no follow-up, when the sweep runs on the closing day, then nothing yet', () => {
    given(...due())
      .when(markOverdue(1, '2026-03-14'))
      .then([]);
  });

  it('given due and no follow-up, when the sweep runs the day after the closing day, then FollowUpOverdue', () => {
    given(...due())
      .when(markOverdue(1, '2026-03-15'))
      .then([{ type: 'FollowUpOverdue', data: { placementId, n: 1 } }]);
  });

  it('given already overdue, when marked again, then nothing', () => {
    given(...after(due(), markOverdue(1, '2026-03-15')))
      .when(markOverdue(1, '2026-03-16'))
      .then([]);
  });

  it('given the sweep missed the whole window, then due and overdue are both emitted, due first', () => {
    given(...scheduled())
      .when(markOverdue(1, '2026-03-20'))
      .then([
        { type: 'FollowUpDue', data: { placementId, n: 1 } },
        { type: 'FollowUpOverdue', data: { placementId, n: 1 } },
      ]);
  });

  it('given a follow-up recorded within the window, then the milestone never becomes overdue', () => {
    given(...after(due(), recordIt))
      .when(markOverdue(1, '2026-03-15'))
      .then([]);
  });

  it('given a daily sweep from the start to past month 3, then each milestone is due once and overdue once, in order', () => {
    const events = sweepDaily(scheduled(), '2026-01-31', '2026-06-30').slice(1);
    expect(events.map((e) => `${e.type}:${'n' in e.data ? e.data.n : ''}`)).toEqual([
      'FollowUpDue:1',
      'FollowUpOverdue:1',
      'FollowUpDue:2',
      'FollowUpOverdue:2',
      'FollowUpDue:3',
      'FollowUpOverdue:3',
    ]);
  });

  it('given a daily sweep and month 2 followed up on time, then only months 1 and 3 become overdue', () => {
    let events = sweepDaily(scheduled(), '2026-01-31', '2026-03-30');
    events = after(events, { ...recordIt, n: 2, contactedOn: '2026-03-30', today: '2026-03-30' });
    events = sweepDaily(events, '2026-03-31', '2026-06-30');
    expect(events.filter((e) => e.type === 'FollowUpOverdue').map((e) => e.data)).toEqual([
      { placementId, n: 1 },
      { placementId, n: 3 },
    ]);
  });
});

describe('follow-ups decider: recording a follow-up', () => {
  it('given scheduled, when the counselor records month 1, then FollowUpRecorded for her, with trimmed difficulties', () => {
    given(...scheduled())
      .when(recordIt)
      .then([
        {
          type: 'FollowUpRecorded',
          data: {
            clientId,
            placementId,
            n: 1,
            contactedOn: '2026-02-27',
            channel: 'phone',
            outcome: 'employed_same_employer',
            difficulties: ['야간 근무 부담'],
            support: ['counseling', 'gift_or_celebration'],
            programId: 'go-100-2026',
          },
        },
      ]);
  });

  it('leaves out blank difficulties and a blank program, and lists each support once', () => {
    const [event] = given(...scheduled())
      .when({
        ...recordIt,
        outcome: 'unreachable',
        difficulties: ['  '],
        programId: ' ',
        support: ['referral', 'referral'],
      })
      .events();
    expect(event.data).not.toHaveProperty('difficulties');
    expect(event.data).not.toHaveProperty('programId');
    expect(event.data).toMatchObject({ outcome: 'unreachable', support: ['referral'] });
  });

  it('given month 1 overdue, when recorded late, then it is accepted with its real contact date', () => {
    const overdue = after(scheduled(), markOverdue(1, '2026-03-20'));
    const late = { ...recordIt, contactedOn: '2026-03-10', today: '2026-04-02' };
    expect(
      given(...overdue)
        .when(late)
        .events()[0].data,
    ).toMatchObject({ n: 1, contactedOn: '2026-03-10' });
    expect(
      given(...overdue)
        .when({ ...late, contactedOn: '2026-03-25' })
        .events()[0].data,
    ).toMatchObject({ contactedOn: '2026-03-25' });
  });

  it('refuses a contact date after today (DATE_IN_FUTURE) and accepts today', () => {
    given(...scheduled())
      .when({ ...recordIt, contactedOn: '2026-03-03' })
      .thenRefuses('DATE_IN_FUTURE');
    expect(
      given(...scheduled())
        .when({ ...recordIt, contactedOn: '2026-03-02' })
        .events(),
    ).toHaveLength(1);
  });

  it('refuses a contact date before the placement start (DATES_OUT_OF_ORDER)', () => {
    given(...scheduled())
      .when({ ...recordIt, contactedOn: '2026-01-30' })
      .thenRefuses('DATES_OUT_OF_ORDER');
  });

  it('refuses a contact before the milestone window opens (FOLLOW_UP_BEFORE_WINDOW) and accepts the opening day', () => {
    // Month 1 of a start on 2026-01-31: due 2026-02-28, window opens 7 days before, on 2026-02-21.
    given(...scheduled())
      .when({ ...recordIt, contactedOn: '2026-02-20' })
      .thenRefuses(
        'FOLLOW_UP_BEFORE_WINDOW',
        expect.objectContaining({ n: 1, contactedOn: '2026-02-20', opensOn: '2026-02-21' }),
      );
    given(...scheduled())
      .when({ ...recordIt, n: 2, contactedOn: '2026-03-01' })
      .thenRefuses('FOLLOW_UP_BEFORE_WINDOW', expect.objectContaining({ opensOn: '2026-03-24' }));
    expect(
      given(...scheduled())
        .when({ ...recordIt, contactedOn: '2026-02-21' })
        .events()[0].data,
    ).toMatchObject({ n: 1, contactedOn: '2026-02-21' });
  });

  it('given month 1 already recorded, then FOLLOW_UP_ALREADY_RECORDED; month 2 is still open', () => {
    const history = after(scheduled(), recordIt);
    given(...history)
      .when({ ...recordIt, contactedOn: '2026-03-01' })
      .thenRefuses('FOLLOW_UP_ALREADY_RECORDED', expect.objectContaining({ n: 1, contactedOn: '2026-02-27' }));
    expect(
      given(...history)
        .when({ ...recordIt, n: 2, contactedOn: '2026-03-25', today: '2026-03-25' })
        .events()[0].data,
    ).toMatchObject({ n: 2 });
  });

  it('given the follow-ups were cancelled (placement voided), then FOLLOW_UPS_CANCELLED', () => {
    given(...after(scheduled(), cancel))
      .when(recordIt)
      .thenRefuses('FOLLOW_UPS_CANCELLED');
  });

  it.each([0, 4, 1.5])('refuses milestone %p (UNKNOWN_MILESTONE)', (n) => {
    expect(
      given(...scheduled())
        .when({ ...recordIt, n })
        .thenRefuses('UNKNOWN_MILESTONE'),
    ).toBeInstanceOf(RuleViolation);
  });

  it('given no follow-ups scheduled for the placement, then 404', () => {
    when(recordIt).thenRefuses('NOT_FOUND');
  });

  it('given month 3 closed by the employment end, a follow-up that finds her in another job is still recorded (it wins over the end)', () => {
    const history = after(scheduled(), close('2026-04-10'));
    const found = {
      ...recordIt,
      n: 3,
      contactedOn: '2026-05-04',
      today: '2026-05-04',
      outcome: 'employed_other_employer' as const,
    };
    expect(
      given(...history)
        .when(found)
        .events()[0].data,
    ).toMatchObject({ n: 3, outcome: 'employed_other_employer' });
  });
});

describe('follow-ups decider: cancellation for a voided placement', () => {
  it('given scheduled, when the placement is voided, then FollowUpsCancelled', () => {
    given(...scheduled())
      .when(cancel)
      .then([{ type: 'FollowUpsCancelled', data: { placementId, reason: 'placement_voided' } }]);
  });

  it('given already cancelled, then nothing; given nothing scheduled, then nothing', () => {
    given(...after(scheduled(), cancel))
      .when(cancel)
      .then([]);
    when(cancel).then([]);
  });

  it('cancels after follow-ups were recorded, and a daily sweep then marks nothing more', () => {
    const history = after(scheduled(), recordIt, cancel);
    expect(history.at(-1)?.type).toBe('FollowUpsCancelled');
    expect(sweepDaily(history, '2026-02-01', '2026-06-30')).toEqual(history);
  });

  it('given cancelled, then an employment end closes nothing', () => {
    given(...after(scheduled(), cancel))
      .when(close('2026-03-01'))
      .then([]);
  });
});

describe('follow-ups decider: closing by employment end', () => {
  it('given no follow-up yet, when she left on 2026-03-15, then months 2 and 3 (dated after the end) are closed', () => {
    given(...scheduled())
      .when(close('2026-03-15'))
      .then([
        {
          type: 'FollowUpsClosedByEmploymentEnd',
          data: { placementId, endedOn: '2026-03-15', closedMilestones: [2, 3] },
        },
      ]);
  });

  it('keeps a milestone dated on the last day of work open: she was still employed that day', () => {
    expect(
      given(...scheduled())
        .when(close('2026-03-31'))
        .events()[0].data,
    ).toMatchObject({ closedMilestones: [3] });
    expect(
      given(...scheduled())
        .when(close('2026-03-30'))
        .events()[0].data,
    ).toMatchObject({ closedMilestones: [2, 3] });
  });

  it('does not close a milestone already followed up: its recorded outcome stands', () => {
    const history = after(scheduled(), { ...recordIt, n: 2, contactedOn: '2026-03-25', today: '2026-03-25' });
    expect(
      given(...history)
        .when(close('2026-03-15'))
        .events()[0].data,
    ).toMatchObject({ closedMilestones: [3] });
  });

  it('given an end after month 3, then the end is still recorded, closing nothing', () => {
    given(...scheduled())
      .when(close('2026-05-20'))
      .then([
        { type: 'FollowUpsClosedByEmploymentEnd', data: { placementId, endedOn: '2026-05-20', closedMilestones: [] } },
      ]);
  });

  it('given already closed (a redelivered EmploymentEnded), then nothing; given nothing scheduled, then nothing', () => {
    given(...after(scheduled(), close('2026-03-15')))
      .when(close('2026-03-15'))
      .then([]);
    when(close('2026-03-15')).then([]);
  });

  it('refuses an end before the placement start (DATES_OUT_OF_ORDER)', () => {
    given(...scheduled())
      .when(close('2026-01-30'))
      .thenRefuses('DATES_OUT_OF_ORDER');
  });

  it('given months 2 and 3 closed, then a daily sweep marks only month 1 due and overdue', () => {
    const events = sweepDaily(after(scheduled(), close('2026-03-15')), '2026-02-01', '2026-06-30');
    expect(events.slice(2).map((e) => e.type + ':' + ('n' in e.data ? e.data.n : ''))).toEqual([
      'FollowUpDue:1',
      'FollowUpOverdue:1',
    ]);
  });

  it('given month 2 already overdue, when she left before it, then it is closed and leaves the overdue work', () => {
    const history = after(scheduled(), markOverdue(2, '2026-04-15'), close('2026-03-20'));
    const state = given(...history).state();
    expect(state.milestones.find((m) => m.n === 2)).toMatchObject({ markedOverdue: true, closedByEmploymentEnd: true });
    expect(state.employmentEndedOn).toBe('2026-03-20');
  });
});
