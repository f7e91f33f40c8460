import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { CaseState } from '@saeil/intake/domain';
import { deciderSpec } from '../../../../tests/support/decider-spec';
import { CreateGroupProgram, groupProgramDecider, RecordGroupSession } from './group-program.decider';

const programId = '3c2b1a09-8f7e-4d6c-9b5a-4a3b2c1d0e0f';
const [kim, lee, park] = [
  '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11',
  '1c9e6a7f-4a8d-4b6a-8e1b-8a0e8c2f3b22',
  '2daf7b80-5b9e-4c7b-9f2c-9b1f9d3a4c33',
];
const open = (clientId: string): CaseState => ({
  exists: true,
  clientId,
  centerId: 'center-jinju',
  counselorId: 'counselor-kim',
  closed: false,
  consents: ['service'],
});

const create: CreateGroupProgram = {
  type: 'CreateGroupProgram',
  programId,
  centerId: 'center-jinju',
  name: ' 취업 솔루션 ',
  year: 2026,
  plannedSessions: 18,
  plannedParticipants: 200,
};
const session: RecordGroupSession = {
  type: 'RecordGroupSession',
  programId,
  sessionNo: 1,
  heldOn: '2026-03-10',
  topic: '나를 알아보기',
  attendees: [kim, lee].map((clientId) => ({ clientId, case: open(clientId) })),
  walkInCount: 7,
  today: '2026-11-22',
};

const { given, when } = deciderSpec(groupProgramDecider, { checkEvent: assertMatchesContract });
const [created] = when(create).events();

describe('creating a group program', () => {
  it('records the program with its planned sessions and participants (name trimmed)', () => {
    when(create).then([
      {
        type: 'GroupProgramCreated',
        data: {
          programId,
          centerId: 'center-jinju',
          name: '취업 솔루션',
          year: 2026,
          plannedSessions: 18,
          plannedParticipants: 200,
        },
      },
    ]);
  });

  it('given it exists, creating it again is refused with PROGRAM_ALREADY_CREATED', () => {
    given(created).when(create).thenRefuses('PROGRAM_ALREADY_CREATED');
  });
});

describe('recording a session of a group program', () => {
  it('records the session with its registered attendees and walk-ins, at the program’s center', () => {
    given(created)
      .when(session)
      .then([
        {
          type: 'GroupSessionHeld',
          data: {
            programId,
            centerId: 'center-jinju',
            sessionNo: 1,
            heldOn: '2026-03-10',
            topic: '나를 알아보기',
            attendeeClientIds: [kim, lee],
            walkInCount: 7,
          },
        },
      ]);
  });

  it('a session of walk-ins only, without a topic, is recorded', () => {
    const [event] = given(created)
      .when({ ...session, attendees: [], walkInCount: 12, topic: undefined })
      .events();
    expect(event.data).toEqual({
      programId,
      centerId: 'center-jinju',
      sessionNo: 1,
      heldOn: '2026-03-10',
      attendeeClientIds: [],
      walkInCount: 12,
    });
  });

  it('an unknown program is a 404', () => {
    when(session).thenRefuses('NOT_FOUND');
  });

  it('a session number already recorded is refused with SESSION_ALREADY_RECORDED', () => {
    const [first] = given(created).when(session).events();
    given(created, first)
      .when({ ...session, heldOn: '2026-03-17' })
      .thenRefuses('SESSION_ALREADY_RECORDED', { sessionNo: 1 });
    expect(
      given(created, first)
        .when({ ...session, sessionNo: 2, heldOn: '2026-03-17' })
        .events(),
    ).toHaveLength(1);
  });

  it('a session number beyond the plan is refused with SESSION_NUMBER_OUT_OF_PLAN; the last planned one is fine', () => {
    given(created)
      .when({ ...session, sessionNo: 19 })
      .thenRefuses('SESSION_NUMBER_OUT_OF_PLAN', { sessionNo: 19, plannedSessions: 18 });
    expect(
      given(created)
        .when({ ...session, sessionNo: 18 })
        .events(),
    ).toHaveLength(1);
  });

  it('a session dated after today is refused with DATE_IN_FUTURE', () => {
    given(created)
      .when({ ...session, heldOn: '2026-11-23' })
      .thenRefuses('DATE_IN_FUTURE');
  });

  it('a session outside the program year is refused with SESSION_OUTSIDE_PROGRAM_YEAR', () => {
    given(created)
      .when({ ...session, heldOn: '2025-12-30' })
      .thenRefuses('SESSION_OUTSIDE_PROGRAM_YEAR', { heldOn: '2025-12-30', year: 2026 });
  });

  it('a session with nobody is refused with NO_PARTICIPANTS', () => {
    given(created)
      .when({ ...session, attendees: [], walkInCount: 0 })
      .thenRefuses('NO_PARTICIPANTS');
  });

  it('the same attendee twice is refused with DUPLICATE_ATTENDEE naming her', () => {
    const attendees = [kim, lee, kim].map((clientId) => ({ clientId, case: open(clientId) }));
    given(created)
      .when({ ...session, attendees })
      .thenRefuses('DUPLICATE_ATTENDEE', { clientIds: [kim] });
  });

  it('attendees who are not registered clients are refused with UNKNOWN_ATTENDEE naming all of them', () => {
    const attendees = [
      { clientId: kim, case: open(kim) },
      { clientId: lee, case: { exists: false, closed: false, consents: [] } },
      { clientId: park, case: { exists: false, closed: false, consents: [] } },
    ];
    given(created)
      .when({ ...session, attendees })
      .thenRefuses('UNKNOWN_ATTENDEE', { clientIds: [lee, park] });
  });

  it('an attendee without the service consent is refused with CONSENT_REQUIRED naming her', () => {
    const attendees = [
      { clientId: kim, case: open(kim) },
      { clientId: park, case: { ...open(park), consents: [] } },
    ];
    given(created)
      .when({ ...session, attendees })
      .thenRefuses('CONSENT_REQUIRED', { missing: ['service'], clientIds: [park] });
  });

  it('an attendee whose case is closed is refused with CASE_CLOSED naming her', () => {
    const attendees = [{ clientId: lee, case: { ...open(lee), closed: true } }];
    given(created)
      .when({ ...session, attendees })
      .thenRefuses('CASE_CLOSED', { clientIds: [lee] });
  });
});
