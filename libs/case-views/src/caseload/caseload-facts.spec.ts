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
    expect(statusOf(fold(['CounselingSessionRecorded', { occurredOn: '2026-01-01' }], started, ['EmploymentEnded', { placementId: 'p1' }]))).toBe('counseling');
    expect(statusOf(fold(started, ['PlacementVoided', { placementId: 'p1' }]))).toBe('intake');
    expect(statusOf(fold(started, ['EmploymentStarted', { placementId: 'p2' }], ['EmploymentEnded', { placementId: 'p1' }]))).toBe('employed');
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
    expect(applyToFacts(set, 'EmploymentPlanRevised', { changes: { goals: ['x'] } }).nextAction).toEqual(set.nextAction);
    expect(applyToFacts(set, 'EmploymentPlanRevised', { changes: { nextAction: { description: '면접', dueOn: '2026-04-10' } } }).nextAction?.description).toBe('면접');
  });

  it('a transfer moves her to the new counselor and center', () => {
    expect(fold(['CounselorAssigned', { centerId: 'center-jinju', counselorId: 'counselor-lee' }])).toMatchObject({ centerId: 'center-jinju', counselorId: 'counselor-lee' });
  });
});
