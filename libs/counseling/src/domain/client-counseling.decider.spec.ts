import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { CaseState } from '@saeil/intake/domain';
import { deciderSpec } from '../../../../tests/support/decider-spec';
import {
  clientCounselingDecider,
  RecordCounselingSession,
  ReviseEmploymentPlan,
  SetEmploymentPlan,
} from './client-counseling.decider';

const clientId = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';
const openCase: CaseState = {
  exists: true,
  clientId,
  centerId: 'center-naju',
  counselorId: 'counselor-kim',
  closed: false,
  consents: ['service'],
};
const today = '2026-11-22';
/** Notes as the handler hands them over: sealed by the vault (the decider never sees them clear). */
const sealedNotes =
  'pd1.3f0a9b52-6c1d-4e8f-a2b7-5d9c0e1f2a3b.q8Jc0t1Zb3xR2mPa.Tm90IHJlYWxseSBzZWFsZWQ.b2s7n1Xc4Qh0YtRw9LzP3g';

const session: RecordCounselingSession = {
  type: 'RecordCounselingSession',
  clientId,
  case: openCase,
  today,
  sessionId: '5d7c0c1e-2b7a-4a57-9f55-3c1d2e4f6a01',
  channel: 'in_center',
  topic: ' 이력서 작성 ',
  durationMinutes: 50,
  sealedNotes,
  occurredOn: '2026-11-20',
};

const setPlan: SetEmploymentPlan = {
  type: 'SetEmploymentPlan',
  clientId,
  case: openCase,
  today,
  planId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  goals: ['6개월 내 사무직 정규직 취업'],
  desiredOccupation: '경영·회계 사무원',
  plannedServices: ['counseling', 'training', 'job_matching'],
  nextAction: { description: '컴퓨터활용능력 과정 등록', dueOn: '2026-12-05' },
  setOn: '2026-11-20',
};

const revise: ReviseEmploymentPlan = {
  type: 'ReviseEmploymentPlan',
  clientId,
  case: openCase,
  today,
  changes: { plannedServices: ['counseling', 'training', 'internship', 'job_matching'] },
  reason: '새일여성인턴 연계 희망',
  revisedOn: '2026-11-21',
};

const { given, when } = deciderSpec(clientCounselingDecider, { checkEvent: assertMatchesContract });
const [planSet] = when(setPlan).events();

describe('recording an individual counseling session', () => {
  it('records channel, topic (trimmed), duration and the sealed notes, by her assigned counselor, at her center', () => {
    when(session).then([
      {
        type: 'CounselingSessionRecorded',
        data: {
          clientId,
          sessionId: session.sessionId,
          centerId: 'center-naju',
          channel: 'in_center',
          topic: '이력서 작성',
          durationMinutes: 50,
          sealedNotes,
          counselorId: 'counselor-kim',
          occurredOn: '2026-11-20',
        },
      },
    ]);
  });

  it('names the counselor who held the session when it was not her assigned one', () => {
    expect(when({ ...session, counselorId: 'counselor-lee' }).events()[0].data).toMatchObject({
      counselorId: 'counselor-lee',
    });
  });

  it('a mobile outreach session keeps the named place', () => {
    const [event] = when({ ...session, channel: 'mobile_outreach', place: ' 빛가람 호반베르디움 아파트 ' }).events();
    expect(event.data).toMatchObject({ channel: 'mobile_outreach', place: '빛가람 호반베르디움 아파트' });
  });

  it('a partner-institution session keeps the institution', () => {
    const [event] = when({ ...session, channel: 'partner_institution', place: '나주시 가족센터' }).events();
    expect(event.data).toMatchObject({ channel: 'partner_institution', place: '나주시 가족센터' });
  });

  it.each(['mobile_outreach', 'partner_institution'] as const)(
    'a %s session without a place is refused with PLACE_REQUIRED',
    (channel) => {
      when({ ...session, channel }).thenRefuses('PLACE_REQUIRED', { channel });
      when({ ...session, channel, place: '   ' }).thenRefuses('PLACE_REQUIRED');
    },
  );

  it.each(['in_center', 'phone', 'online'] as const)(
    'a %s session with a place is refused with PLACE_NOT_APPLICABLE',
    (channel) => {
      when({ ...session, channel, place: '나주역' }).thenRefuses('PLACE_NOT_APPLICABLE');
    },
  );

  it('a phone session without notes records no notes field', () => {
    const [event] = when({ ...session, channel: 'phone', sealedNotes: undefined, durationMinutes: 10 }).events();
    expect(event.data).not.toHaveProperty('sealedNotes');
    expect(event.data).not.toHaveProperty('notes');
    expect(event.data).toMatchObject({ channel: 'phone', durationMinutes: 10 });
  });

  it('refuses notes that did not come sealed (a programming error, never written in clear)', () => {
    expect(() => when({ ...session, sealedNotes: '사무직 희망' }).events()).toThrow(
      'counseling notes must come sealed by the vault (pd1 envelope)',
    );
  });

  it('a session dated after today is refused with DATE_IN_FUTURE; one recorded late is fine', () => {
    when({ ...session, occurredOn: '2026-11-23' }).thenRefuses(
      'DATE_IN_FUTURE',
      expect.objectContaining({ field: 'occurredOn' }),
    );
    expect(when({ ...session, occurredOn: '2026-01-05' }).events()[0].data).toMatchObject({ occurredOn: '2026-01-05' });
    expect(when({ ...session, occurredOn: today }).events()).toHaveLength(1);
  });
});

describe('the case rule applies to every counseling record', () => {
  const commands = [session, setPlan];
  it.each(commands.map((c) => [c.type, c] as const))('%s: unknown client → 404', (_, command) => {
    when({ ...command, case: { exists: false, closed: false, consents: [] } }).thenRefuses('NOT_FOUND');
  });
  it.each(commands.map((c) => [c.type, c] as const))('%s: closed case → CASE_CLOSED', (_, command) => {
    when({ ...command, case: { ...openCase, closed: true } }).thenRefuses('CASE_CLOSED');
  });
  it.each(commands.map((c) => [c.type, c] as const))('%s: no service consent → CONSENT_REQUIRED', (_, command) => {
    when({ ...command, case: { ...openCase, consents: ['marketing'] } }).thenRefuses('CONSENT_REQUIRED', {
      missing: ['service'],
    });
  });
  it('ReviseEmploymentPlan: closed case → CASE_CLOSED even with a plan', () => {
    given(planSet)
      .when({ ...revise, case: { ...openCase, closed: true } })
      .thenRefuses('CASE_CLOSED');
  });
});

describe('setting the employment plan', () => {
  it('records goals, desired occupation, planned services and the next action, for her counselor and center', () => {
    when(setPlan).then([
      {
        type: 'EmploymentPlanSet',
        data: {
          clientId,
          planId: setPlan.planId,
          centerId: 'center-naju',
          counselorId: 'counselor-kim',
          goals: ['6개월 내 사무직 정규직 취업'],
          desiredOccupation: '경영·회계 사무원',
          plannedServices: ['counseling', 'training', 'job_matching'],
          nextAction: { description: '컴퓨터활용능력 과정 등록', dueOn: '2026-12-05' },
          setOn: '2026-11-20',
        },
      },
    ]);
  });

  it('given a plan, setting another is refused with PLAN_ALREADY_SET (revise it instead)', () => {
    given(planSet).when(setPlan).thenRefuses('PLAN_ALREADY_SET', { planId: setPlan.planId });
  });

  it('a plan dated after today is refused with DATE_IN_FUTURE', () => {
    when({ ...setPlan, setOn: '2026-11-30' }).thenRefuses('DATE_IN_FUTURE');
  });

  it('a next action due before the plan date is refused with NEXT_ACTION_DUE_BEFORE_PLAN_DATE', () => {
    when({ ...setPlan, nextAction: { description: '상담', dueOn: '2026-11-19' } }).thenRefuses(
      'NEXT_ACTION_DUE_BEFORE_PLAN_DATE',
      { dueOn: '2026-11-19', planDate: '2026-11-20' },
    );
  });
});

describe('revising the employment plan', () => {
  it('records only what changed, numbered, with the reason', () => {
    given(planSet)
      .when(revise)
      .then([
        {
          type: 'EmploymentPlanRevised',
          data: {
            clientId,
            planId: setPlan.planId,
            revision: 1,
            changes: { plannedServices: ['counseling', 'training', 'internship', 'job_matching'] },
            reason: '새일여성인턴 연계 희망',
            revisedOn: '2026-11-21',
          },
        },
      ]);
  });

  it('leaves out parts restated unchanged, and numbers the next revision', () => {
    const [first] = given(planSet).when(revise).events();
    const [second] = given(planSet, first)
      .when({
        ...revise,
        changes: {
          desiredOccupation: '경영·회계 사무원',
          nextAction: { description: '인턴 기업 면접', dueOn: '2026-12-10' },
        },
        revisedOn: '2026-11-22',
      })
      .events();
    expect(second.data).toMatchObject({
      revision: 2,
      changes: { nextAction: { description: '인턴 기업 면접', dueOn: '2026-12-10' } },
    });
    expect((second.data as { changes: object }).changes).not.toHaveProperty('desiredOccupation');
  });

  it('the plan after revisions is the set plan with the changes applied', () => {
    const [first] = given(planSet).when(revise).events();
    expect(given(planSet, first).state().plan).toMatchObject({
      planId: setPlan.planId,
      goals: setPlan.goals,
      plannedServices: ['counseling', 'training', 'internship', 'job_matching'],
      nextAction: setPlan.nextAction,
      lastChangedOn: '2026-11-21',
      revisions: 1,
    });
  });

  it('without a plan, revising is refused with NO_PLAN', () => {
    when(revise).thenRefuses('NO_PLAN');
  });

  it('a revision that changes nothing is refused with NO_CHANGES (services compared as a set)', () => {
    given(planSet)
      .when({ ...revise, changes: {} })
      .thenRefuses('NO_CHANGES');
    given(planSet)
      .when({
        ...revise,
        changes: {
          plannedServices: ['job_matching', 'counseling', 'training'],
          goals: [' 6개월 내 사무직 정규직 취업'],
        },
      })
      .thenRefuses('NO_CHANGES');
  });

  it('a revision dated before the last change is refused with REVISION_BEFORE_LAST_CHANGE', () => {
    given(planSet)
      .when({ ...revise, revisedOn: '2026-11-19' })
      .thenRefuses('REVISION_BEFORE_LAST_CHANGE', { revisedOn: '2026-11-19', lastChangedOn: '2026-11-20' });
  });

  it('a revision dated after today is refused with DATE_IN_FUTURE', () => {
    given(planSet)
      .when({ ...revise, revisedOn: '2026-11-23' })
      .thenRefuses('DATE_IN_FUTURE');
  });

  it('a new next action due before the revision date is refused with NEXT_ACTION_DUE_BEFORE_PLAN_DATE', () => {
    given(planSet)
      .when({ ...revise, changes: { nextAction: { description: '면접', dueOn: '2026-11-20' } } })
      .thenRefuses('NEXT_ACTION_DUE_BEFORE_PLAN_DATE');
  });
});
