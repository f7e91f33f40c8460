import { FoldableEvent, factOf, STATISTICS_EVENT_TYPES } from './facts';

const event = (type: string, data: Record<string, unknown>, extra: Partial<FoldableEvent> = {}): FoldableEvent => ({
  eventId: '00000000-0000-4000-8000-000000000001',
  type,
  globalPosition: 42,
  data,
  metadata: { centerId: 'center-naju', occurredAt: '2026-01-05T00:00:00.000Z' },
  ...extra,
});

const clientId = '11111111-1111-4111-8111-111111111111';
const placementId = '22222222-2222-4222-8222-222222222222';

describe('statistics facts: folding events into fact rows', () => {
  it('a registration counts at the registering center on her Korean registration day', () => {
    expect(
      factOf(
        event(
          'ClientRegistered',
          { clientId, centerId: 'center-jinju' },
          { metadata: { centerId: 'center-jinju', occurredAt: '2026-01-31T15:00:00.000Z' } },
        ),
      ),
    ).toEqual({
      fact: 'client',
      row: { clientId, centerId: 'center-jinju', registeredOn: '2026-02-01', position: 42 },
    });
  });

  it('a placement is her center at the start (the metadata), with month-end milestone dates and a wage band', () => {
    const change = factOf(
      event(
        'EmploymentStarted',
        {
          clientId,
          placementId,
          startOn: '2026-01-31',
          employmentType: 'contract',
          occupationGroup: '3',
          monthlyWage: 2_000_000,
          channel: 'center',
        },
        { metadata: { centerId: 'center-hwasun', occurredAt: '2026-01-31T00:00:00.000Z' } },
      ),
    );
    expect(change).toEqual({
      fact: 'placement',
      row: {
        placementId,
        clientId,
        centerId: 'center-hwasun',
        startOn: '2026-01-31',
        milestoneOn: ['2026-02-28', '2026-03-31', '2026-04-30'],
        employmentType: 'contract',
        occupationGroup: '3',
        monthlyWage: 2_000_000,
        wageBand: '2m_3m',
        channel: 'center',
        position: 42,
      },
    });
  });

  it('leap years: a start on 2027-11-30 reaches its third month on 2028-02-29 (month end)', () => {
    const change = factOf(
      event('EmploymentStarted', {
        clientId,
        placementId,
        startOn: '2027-11-30',
        employmentType: 'regular',
        occupationGroup: '0',
        monthlyWage: 1,
        channel: 'self',
      }),
    );
    expect(change?.fact === 'placement' && change.row.milestoneOn).toEqual(['2027-12-30', '2028-01-30', '2028-02-29']);
  });

  it('an end and a voiding keep the position that set them', () => {
    expect(
      factOf(event('EmploymentEnded', { clientId, placementId, endedOn: '2026-02-10', reason: 'resigned' })),
    ).toEqual({ fact: 'placementEnded', placementId, endedOn: '2026-02-10', position: 42 });
    expect(factOf(event('PlacementVoided', { clientId, placementId, reason: '오기' }))).toEqual({
      fact: 'placementVoided',
      placementId,
      position: 42,
    });
  });

  it('a follow-up with support makes her a beneficiary; without support it does not; the program is kept', () => {
    const recorded = (support: string[], programId?: string) =>
      factOf(
        event('FollowUpRecorded', {
          clientId,
          placementId,
          n: 2,
          contactedOn: '2026-03-30',
          channel: 'phone',
          outcome: 'unreachable',
          support,
          ...(programId ? { programId } : {}),
        }),
      );
    expect(recorded(['gift_or_celebration'], 'go-100')).toEqual({
      fact: 'followUp',
      row: {
        placementId,
        n: 2,
        clientId,
        contactedOn: '2026-03-30',
        outcome: 'unreachable',
        withSupport: true,
        programId: 'go-100',
        position: 42,
      },
    });
    expect(recorded([])).toMatchObject({ row: { withSupport: false, programId: null } });
  });

  it('activities: group attendance is 연인원 (registered + walk-ins); outreach reaches walk-ins + registered clients', () => {
    expect(
      factOf(
        event('GroupSessionHeld', {
          programId: 'p',
          centerId: 'center-naju',
          sessionNo: 3,
          heldOn: '2026-02-03',
          attendeeClientIds: ['a', 'b', 'c'],
          walkInCount: 4,
        }),
      ),
    ).toMatchObject({
      fact: 'activity',
      row: { kind: 'group_attendance', centerId: 'center-naju', occurredOn: '2026-02-03', amount: 7 },
    });
    expect(
      factOf(
        event('OutreachEventHeld', {
          outreachId: 'o',
          centerId: 'center-jinju',
          place: '진주역',
          heldOn: '2026-02-04',
          counselorIds: ['k'],
          walkInContacts: 12,
          registeredClientIds: ['a'],
        }),
      ),
    ).toMatchObject({
      row: { kind: 'outreach_event', centerId: 'center-jinju', amount: 13 },
    });
  });

  it('activities keep their breakdown: a session its channel, an agreement its kind', () => {
    expect(
      factOf(
        event('CounselingSessionRecorded', {
          clientId,
          sessionId: 's',
          centerId: 'center-naju',
          channel: 'phone',
          occurredOn: '2026-01-09',
        }),
      ),
    ).toMatchObject({
      row: { kind: 'counseling_session', detail: 'phone', clientId, occurredOn: '2026-01-09', amount: 1 },
    });
    expect(
      factOf(
        event('AgreementSigned', {
          agreementId: 'a',
          centerId: 'center-naju',
          kind: 'institution_mou',
          signedOn: '2026-01-10',
        }),
      ),
    ).toMatchObject({
      row: { kind: 'agreement_signed', detail: 'institution_mou' },
    });
    expect(
      factOf(
        event('CouncilMeetingHeld', {
          meetingId: 'm',
          centerId: 'center-naju',
          heldOn: '2026-01-11',
          title: '실무협의체',
        }),
      ),
    ).toMatchObject({ row: { kind: 'council_meeting', occurredOn: '2026-01-11' } });
    expect(
      factOf(
        event('JobFairHeld', {
          jobFairId: 'j',
          centerId: 'center-naju',
          heldOn: '2026-01-12',
          companies: 3,
          applicants: 40,
          hires: 5,
        }),
      ),
    ).toMatchObject({ row: { kind: 'job_fair' } });
  });

  it('a completion counts at the course center (metadata), a conversion and a startup at hers', () => {
    const at = (centerId: string) => ({ metadata: { centerId, occurredAt: '2026-01-05T00:00:00.000Z' } });
    expect(
      factOf(
        event(
          'TrainingCompleted',
          { courseId: 'c', clientId, field: '사무행정', completedOn: '2026-01-20' },
          at('center-yeongam'),
        ),
      ),
    ).toMatchObject({
      row: { kind: 'training_completion', centerId: 'center-yeongam', clientId, occurredOn: '2026-01-20' },
    });
    expect(
      factOf(
        event(
          'InternshipConverted',
          { internshipId: 'i', clientId, convertedOn: '2026-01-21', employmentType: 'regular' },
          at('center-naju'),
        ),
      ),
    ).toMatchObject({
      row: { kind: 'internship_conversion', centerId: 'center-naju', occurredOn: '2026-01-21' },
    });
    expect(
      factOf(event('StartupStarted', { clientId, startupId: 's', startedOn: '2026-01-22' }, at('center-naju'))),
    ).toMatchObject({ row: { kind: 'startup', occurredOn: '2026-01-22' } });
  });

  it('passes over events it does not count, and folds every type it declares', () => {
    expect(factOf(event('ConsentGiven', { clientId }))).toBeUndefined();
    expect(factOf(event('FollowUpDue', { placementId, n: 1 }))).toBeUndefined();
    expect(STATISTICS_EVENT_TYPES).toContain('CouncilMeetingHeld');
  });
});
