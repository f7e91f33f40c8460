import { applyToFacts, CaseloadFacts, newFacts, statusOf } from './caseload-facts';

const fold = (...events: [string, Record<string, unknown>][]): CaseloadFacts =>
  events.reduce((f, [type, data]) => applyToFacts(f, type, data), newFacts('center-naju', 'counselor-kim'));

describe('caseload status', () => {
  it('a newly registered client is at intake', () => {
    expect(statusOf(fold())).toBe('intake');
  });

  it('moves through counseling, training, internship to employed as events arrive', () => {
    const steps: [string, Record<string, unknown>][] = [
      ['CounselingSessionRecorded', { occurredOn: '2026-03-02' }],
      ['TrainingEnrolled', { courseId: 'c1' }],
      ['TrainingCompleted', { courseId: 'c1' }],
      ['InternshipStarted', { internshipId: 'i1' }],
      ['InternshipConverted', { internshipId: 'i1' }],
    ];
    const statuses = steps.map((_, i) => statusOf(fold(...steps.slice(0, i + 1))));
    expect(statuses).toEqual(['counseling', 'in_training', 'counseling', 'interning', 'employed']);
  });

  it('goes back to counseling when her only job ends or the placement is voided, but not while another continues', () => {
    const started: [string, Record<string, unknown>] = ['EmploymentStarted', { placementId: 'p1' }];
    expect(
      statusOf(
        fold(['CounselingSessionRecorded', { occurredOn: '2026-01-01' }], started, [
          'EmploymentEnded',
          { placementId: 'p1' },
        ]),
      ),
    ).toBe('counseling');
    expect(statusOf(fold(started, ['PlacementVoided', { placementId: 'p1' }]))).toBe('intake');
    expect(
      statusOf(fold(started, ['EmploymentStarted', { placementId: 'p2' }], ['EmploymentEnded', { placementId: 'p1' }])),
    ).toBe('employed');
  });

  it('closed wins over everything, and reopening restores the stage she was in', () => {
    const employed = fold(['EmploymentStarted', { placementId: 'p1' }], ['CaseClosed', { reason: '종결' }]);
    expect(statusOf(employed)).toBe('closed');
    expect(statusOf(applyToFacts(employed, 'CaseReopened', {}))).toBe('employed');
  });

  it('last contact is the latest contact date, even when recorded out of order', () => {
    const f = fold(
      ['CounselingSessionRecorded', { occurredOn: '2026-03-10' }],
      ['GroupSessionHeld', { heldOn: '2026-03-20' }],
      ['CounselingSessionRecorded', { occurredOn: '2026-03-05' }],
    );
    expect(f.lastContactOn).toBe('2026-03-20');
  });

  it('next action comes from the employment plan and follows its revisions', () => {
    const set = fold(['EmploymentPlanSet', { nextAction: { description: '이력서 작성', dueOn: '2026-04-01' } }]);
    expect(set.nextAction).toEqual({ description: '이력서 작성', dueOn: '2026-04-01' });
    expect(applyToFacts(set, 'EmploymentPlanRevised', { changes: { goals: ['x'] } }).nextAction).toEqual(
      set.nextAction,
    );
    expect(
      applyToFacts(set, 'EmploymentPlanRevised', {
        changes: { nextAction: { description: '면접', dueOn: '2026-04-10' } },
      }).nextAction?.description,
    ).toBe('면접');
  });

  describe('a next action ends when it is superseded, her case closes or she is employed', () => {
    const plan = (position: number, description = '이력서 작성'): [string, Record<string, unknown>, number] => [
      'EmploymentPlanSet',
      { nextAction: { description, dueOn: '2026-04-01' } },
      position,
    ];
    const at = (...events: [string, Record<string, unknown>, number][]): CaseloadFacts =>
      events.reduce(
        (f, [type, data, position]) => applyToFacts(f, type, data, position),
        newFacts('center-naju', 'counselor-kim'),
      );

    it.each([
      ['her case is closed', ['CaseClosed', { reason: '종결' }]],
      ['she starts a job', ['EmploymentStarted', { placementId: 'p1' }]],
      ['her internship is converted to a job', ['InternshipConverted', { internshipId: 'i1' }]],
      ['she starts her own business', ['StartupStarted', { startupId: 's1' }]],
    ] as const)('gone once %s, and reopening or the job ending does not bring it back', (_, [type, data]) => {
      const ended = at(plan(10), [type, data, 20]);
      expect(ended.nextAction).toBeUndefined();
      expect(
        at(plan(10), [type, data, 20], ['CaseReopened', {}, 30], ['EmploymentEnded', { placementId: 'p1' }, 31])
          .nextAction,
      ).toBeUndefined();
    });

    it('an end that Kafka delivers before the plan it followed (another topic) still ends it: commit order decides, not arrival', () => {
      expect(at(['EmploymentStarted', { placementId: 'p1' }, 20], plan(10)).nextAction).toBeUndefined();
      expect(
        at(
          ['CaseClosed', { reason: '종결' }, 20],
          ['EmploymentPlanRevised', { changes: { nextAction: { description: '면접', dueOn: '2026-04-10' } } }, 15],
        ).nextAction,
      ).toBeUndefined();
    });

    it('a next step set after she was employed or closed is hers to do, whichever arrives first', () => {
      expect(at(['EmploymentStarted', { placementId: 'p1' }, 20], plan(25, '이직 상담'))).toMatchObject({
        nextAction: { description: '이직 상담' },
      });
      expect(at(plan(25, '이직 상담'), ['EmploymentStarted', { placementId: 'p1' }, 20])).toMatchObject({
        nextAction: { description: '이직 상담' },
      });
    });

    it('a revision with a new next action supersedes the old one; one without keeps it', () => {
      expect(
        at(plan(10), [
          'EmploymentPlanRevised',
          { changes: { nextAction: { description: '면접', dueOn: '2026-04-10' } } },
          11,
        ]).nextAction,
      ).toMatchObject({ description: '면접', dueOn: '2026-04-10' });
      expect(at(plan(10), ['EmploymentPlanRevised', { changes: { goals: ['x'] } }, 11]).nextAction).toMatchObject({
        description: '이력서 작성',
      });
    });
  });

  it('a transfer moves her to the new counselor and center', () => {
    expect(fold(['CounselorAssigned', { centerId: 'center-jinju', counselorId: 'counselor-lee' }])).toMatchObject({
      centerId: 'center-jinju',
      counselorId: 'counselor-lee',
    });
  });
});
