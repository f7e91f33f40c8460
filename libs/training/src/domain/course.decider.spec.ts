import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { TrainingEvent } from '@saeil/contracts';
import type { CaseState } from '@saeil/intake/domain';
import { CourseCommand, courseDecider, CreateCourse, seatsTaken } from './course.decider';
import { legacyDeciderSpec as deciderSpec } from '../../../../tests/support/decider-spec';

const courseId = '5d0c1f5e-8a51-4f0e-9a3e-2b7c4d8e9f01';
const kim = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';
const lee = '1c9e6a7f-4d8b-4a6a-8e1b-8a0e8c2f3b22';
const park = '2dae7b80-5e9c-4b7b-9f2c-9b1f9d304c33';
const today = '2026-05-20';

const openCase = (clientId: string): CaseState => ({ exists: true, clientId, centerId: 'center-naju', counselorId: 'counselor-kim', closed: false, consents: ['service'] });

const create: CreateCourse = {
  type: 'CreateCourse',
  courseId,
  centerId: 'center-naju',
  title: ' 간호조무사 재취업 인력양성 ',
  provider: '진주직업전문학교',
  field: '간호조무사',
  startsOn: '2026-03-02',
  endsOn: '2026-06-30',
  hours: 740,
  capacity: 2,
};

const [courseCreated] = courseDecider.decide(create, courseDecider.initialState());

const spec = deciderSpec(courseDecider, { checkEvent: assertMatchesContract });
/** Decides on the history (by default, the course was created) and checks every event against its published contract. */
const when = (command: CourseCommand, history: TrainingEvent[] = [courseCreated]) => spec.when(command, history);

const enroll = (clientId: string, enrolledOn = '2026-02-20') => ({ type: 'EnrollInCourse' as const, courseId, clientId, enrolledOn, case: openCase(clientId), today });
const enrolled = (clientId: string, enrolledOn = '2026-02-20'): TrainingEvent => ({
  type: 'TrainingEnrolled',
  data: { courseId, clientId, courseTitle: '간호조무사 재취업 인력양성', field: '간호조무사', enrolledOn },
});
const completed = (clientId: string, completedOn = '2026-05-15'): TrainingEvent => ({
  type: 'TrainingCompleted',
  data: { courseId, clientId, courseTitle: '간호조무사 재취업 인력양성', field: '간호조무사', completedOn },
});
const droppedOut = (clientId: string, droppedOn = '2026-04-10'): TrainingEvent => ({ type: 'TrainingDroppedOut', data: { courseId, clientId, droppedOn, reason: 'employed' } });
const trainee = (clientId = kim) => ({ courseId, clientId, case: openCase(clientId), today });

describe('course decider: setting up a course', () => {
  it('given nothing, when creating a course, then TrainingCourseCreated carries provider, field, dates, hours and capacity (trimmed)', () => {
    expect(when(create, [])).toEqual([
      {
        type: 'TrainingCourseCreated',
        data: { courseId, centerId: 'center-naju', title: '간호조무사 재취업 인력양성', provider: '진주직업전문학교', field: '간호조무사', startsOn: '2026-03-02', endsOn: '2026-06-30', hours: 740, capacity: 2 },
      },
    ]);
  });

  it('refuses a course that ends before it starts with COURSE_DATES_INVERTED', () => {
    expect(() => when({ ...create, startsOn: '2026-07-01', endsOn: '2026-06-30' }, [])).toThrow(expect.objectContaining({ code: 'COURSE_DATES_INVERTED' }));
  });

  it('a one-day course (start = end) is fine', () => {
    expect(when({ ...create, startsOn: '2026-06-30', endsOn: '2026-06-30' }, [])).toHaveLength(1);
  });

  it('refuses creating the same course twice with COURSE_ALREADY_EXISTS', () => {
    expect(() => when(create)).toThrow(expect.objectContaining({ code: 'COURSE_ALREADY_EXISTS' }));
  });
});

describe('course decider: enrollment', () => {
  it('given a course with free seats, when she enrolls, then TrainingEnrolled names the course and field', () => {
    expect(when(enroll(kim))).toEqual([enrolled(kim)]);
  });

  it('an unknown course is a 404', () => {
    expect(() => when(enroll(kim), [])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('needs an open case with the service consent (CONSENT_REQUIRED, CASE_CLOSED, 404 for an unknown client)', () => {
    expect(() => when({ ...enroll(kim), case: { ...openCase(kim), consents: [] } })).toThrow(expect.objectContaining({ code: 'CONSENT_REQUIRED' }));
    expect(() => when({ ...enroll(kim), case: { ...openCase(kim), closed: true } })).toThrow(expect.objectContaining({ code: 'CASE_CLOSED' }));
    expect(() => when({ ...enroll(kim), case: { exists: false, closed: false, consents: [] } })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('refuses enrolling twice with ALREADY_ENROLLED, also after a dropout', () => {
    expect(() => when(enroll(kim), [courseCreated, enrolled(kim)])).toThrow(expect.objectContaining({ code: 'ALREADY_ENROLLED', details: { enrolledOn: '2026-02-20', status: 'enrolled' } }));
    expect(() => when(enroll(kim), [courseCreated, enrolled(kim), droppedOut(kim)])).toThrow(expect.objectContaining({ code: 'ALREADY_ENROLLED' }));
  });

  it('given the capacity of 2 is taken, the third is refused with COURSE_FULL', () => {
    expect(() => when(enroll(park), [courseCreated, enrolled(kim), enrolled(lee)])).toThrow(expect.objectContaining({ code: 'COURSE_FULL', details: { capacity: 2, enrolled: 2 } }));
  });

  it('a completer still holds her seat; a dropout frees hers', () => {
    expect(() => when(enroll(park), [courseCreated, enrolled(kim), enrolled(lee), completed(kim)])).toThrow(expect.objectContaining({ code: 'COURSE_FULL' }));
    const history = [courseCreated, enrolled(kim), enrolled(lee), droppedOut(lee)];
    expect(seatsTaken(spec.given(...history))).toBe(1);
    expect(when(enroll(park, '2026-04-11'), history)).toEqual([enrolled(park, '2026-04-11')]);
  });

  it('refuses enrolling after the course ended with COURSE_ENDED; on its last day is still fine', () => {
    const late = { ...enroll(kim, '2026-07-01'), today: '2026-07-05' };
    expect(() => when(late)).toThrow(expect.objectContaining({ code: 'COURSE_ENDED', details: { endsOn: '2026-06-30', enrolledOn: '2026-07-01' } }));
    expect(when({ ...late, enrolledOn: '2026-06-30' })).toHaveLength(1);
  });

  it('refuses an enrollment date in the future with DATE_IN_FUTURE', () => {
    expect(() => when(enroll(kim, '2026-05-21'))).toThrow(expect.objectContaining({ code: 'DATE_IN_FUTURE', details: { field: 'enrolledOn', date: '2026-05-21', today } }));
  });
});

describe('course decider: attendance', () => {
  const attend = (date: string, present = true) => ({ type: 'RecordTrainingAttendance' as const, ...trainee(), date, present });

  it('given she is enrolled, records her attendance on a course day', () => {
    expect(when(attend('2026-03-03'), [courseCreated, enrolled(kim)])).toEqual([
      { type: 'TrainingAttendanceRecorded', data: { courseId, clientId: kim, date: '2026-03-03', present: true, correction: false } },
    ]);
  });

  it('refuses attendance of someone not enrolled with NOT_ENROLLED', () => {
    expect(() => when(attend('2026-03-03'))).toThrow(expect.objectContaining({ code: 'NOT_ENROLLED' }));
  });

  it('refuses a day outside the course with DATE_OUTSIDE_COURSE, and before her enrollment with DATE_BEFORE_ENROLLMENT', () => {
    const history = [courseCreated, enrolled(kim, '2026-03-10')];
    expect(() => when(attend('2026-03-01'), history)).toThrow(expect.objectContaining({ code: 'DATE_OUTSIDE_COURSE' }));
    expect(() => when(attend('2026-03-09'), history)).toThrow(expect.objectContaining({ code: 'DATE_BEFORE_ENROLLMENT' }));
  });

  it('refuses a day after she dropped out with DATE_AFTER_LEAVING, and accepts one before', () => {
    const history = [courseCreated, enrolled(kim), droppedOut(kim, '2026-04-10')];
    expect(() => when(attend('2026-04-13'), history)).toThrow(expect.objectContaining({ code: 'DATE_AFTER_LEAVING', details: { date: '2026-04-13', leftOn: '2026-04-10', status: 'dropped_out' } }));
    expect(when(attend('2026-04-09'), history)).toHaveLength(1);
  });

  it('refuses the same record twice with ATTENDANCE_ALREADY_RECORDED; a different value is a correction', () => {
    const [first] = when(attend('2026-03-03'), [courseCreated, enrolled(kim)]);
    const history = [courseCreated, enrolled(kim), first];
    expect(() => when(attend('2026-03-03'), history)).toThrow(expect.objectContaining({ code: 'ATTENDANCE_ALREADY_RECORDED' }));
    expect(when(attend('2026-03-03', false), history)).toEqual([{ type: 'TrainingAttendanceRecorded', data: { courseId, clientId: kim, date: '2026-03-03', present: false, correction: true } }]);
  });

  it('refuses a future day with DATE_IN_FUTURE', () => {
    expect(() => when(attend('2026-05-21'), [courseCreated, enrolled(kim)])).toThrow(expect.objectContaining({ code: 'DATE_IN_FUTURE' }));
  });
});

describe('course decider: completion', () => {
  const complete = (completedOn: string, clientId = kim) => ({ type: 'CompleteTraining' as const, ...trainee(clientId), completedOn });

  it('given she is enrolled, TrainingCompleted carries completedOn and the course field (for the training employment rate)', () => {
    expect(when(complete('2026-05-15'), [courseCreated, enrolled(kim)])).toEqual([completed(kim, '2026-05-15')]);
  });

  it('refuses completion without enrollment with NOT_ENROLLED', () => {
    expect(() => when(complete('2026-05-15'))).toThrow(expect.objectContaining({ code: 'NOT_ENROLLED' }));
  });

  it('refuses a completion dated before the course started with COMPLETION_BEFORE_COURSE_START', () => {
    expect(() => when(complete('2026-03-01'), [courseCreated, enrolled(kim)])).toThrow(
      expect.objectContaining({ code: 'COMPLETION_BEFORE_COURSE_START', details: { completedOn: '2026-03-01', startsOn: '2026-03-02' } }),
    );
  });

  it('refuses a completion dated before her enrollment with DATE_BEFORE_ENROLLMENT', () => {
    expect(() => when(complete('2026-04-01'), [courseCreated, enrolled(kim, '2026-04-02')])).toThrow(expect.objectContaining({ code: 'DATE_BEFORE_ENROLLMENT' }));
  });

  it('refuses completing twice (ALREADY_COMPLETED) and after a dropout (ALREADY_DROPPED_OUT)', () => {
    expect(() => when(complete('2026-05-16'), [courseCreated, enrolled(kim), completed(kim)])).toThrow(expect.objectContaining({ code: 'ALREADY_COMPLETED' }));
    expect(() => when(complete('2026-05-16'), [courseCreated, enrolled(kim), droppedOut(kim)])).toThrow(expect.objectContaining({ code: 'ALREADY_DROPPED_OUT' }));
  });

  it('refuses a future completion date with DATE_IN_FUTURE', () => {
    expect(() => when(complete('2026-06-30'), [courseCreated, enrolled(kim)])).toThrow(expect.objectContaining({ code: 'DATE_IN_FUTURE' }));
  });

  it('needs her case open', () => {
    expect(() => when({ ...complete('2026-05-15'), case: { ...openCase(kim), closed: true } }, [courseCreated, enrolled(kim)])).toThrow(expect.objectContaining({ code: 'CASE_CLOSED' }));
  });
});

describe('course decider: dropout', () => {
  const drop = (droppedOn: string) => ({ type: 'RecordTrainingDropout' as const, ...trainee(), droppedOn, reason: 'childcare' as const, note: ' 돌봄 공백 ' });

  it('given she is enrolled, TrainingDroppedOut carries the date and reason (note trimmed)', () => {
    expect(when(drop('2026-04-10'), [courseCreated, enrolled(kim)])).toEqual([
      { type: 'TrainingDroppedOut', data: { courseId, clientId: kim, droppedOn: '2026-04-10', reason: 'childcare', note: '돌봄 공백' } },
    ]);
  });

  it('a dropout without a note has none in the event', () => {
    const [event] = when({ ...drop('2026-04-10'), note: undefined }, [courseCreated, enrolled(kim)]);
    expect(event.data).not.toHaveProperty('note');
  });

  it('refuses a dropout outside the course dates with DROPOUT_OUTSIDE_COURSE', () => {
    expect(() => when(drop('2026-03-01'), [courseCreated, enrolled(kim)])).toThrow(expect.objectContaining({ code: 'DROPOUT_OUTSIDE_COURSE' }));
    expect(() => when({ ...drop('2026-07-01'), today: '2026-07-02' }, [courseCreated, enrolled(kim)])).toThrow(expect.objectContaining({ code: 'DROPOUT_OUTSIDE_COURSE' }));
  });

  it('refuses a dropout before her enrollment, of someone not enrolled, after completion, and twice', () => {
    expect(() => when(drop('2026-04-01'), [courseCreated, enrolled(kim, '2026-04-05')])).toThrow(expect.objectContaining({ code: 'DATE_BEFORE_ENROLLMENT' }));
    expect(() => when(drop('2026-04-10'))).toThrow(expect.objectContaining({ code: 'NOT_ENROLLED' }));
    expect(() => when(drop('2026-05-16'), [courseCreated, enrolled(kim), completed(kim)])).toThrow(expect.objectContaining({ code: 'ALREADY_COMPLETED' }));
    expect(() => when(drop('2026-04-11'), [courseCreated, enrolled(kim), droppedOut(kim)])).toThrow(expect.objectContaining({ code: 'ALREADY_DROPPED_OUT' }));
  });
});

describe('course decider: certificates', () => {
  const certify = (certificate: string, obtainedOn = '2026-05-18') => ({ type: 'RecordTrainingCertificate' as const, ...trainee(), certificate, obtainedOn });

  it('given she completed, records the certificate with the course field', () => {
    expect(when(certify(' 간호조무사 '), [courseCreated, enrolled(kim), completed(kim)])).toEqual([
      { type: 'TrainingCertificateObtained', data: { courseId, clientId: kim, certificate: '간호조무사', field: '간호조무사', obtainedOn: '2026-05-18' } },
    ]);
  });

  it('refuses a certificate of someone not enrolled, dated before the course, or recorded twice', () => {
    expect(() => when(certify('간호조무사'))).toThrow(expect.objectContaining({ code: 'NOT_ENROLLED' }));
    expect(() => when(certify('간호조무사', '2026-02-01'), [courseCreated, enrolled(kim)])).toThrow(expect.objectContaining({ code: 'CERTIFICATE_BEFORE_COURSE_START' }));
    const [obtained] = when(certify('간호조무사'), [courseCreated, enrolled(kim)]);
    expect(() => when(certify('간호조무사', '2026-05-19'), [courseCreated, enrolled(kim), obtained])).toThrow(expect.objectContaining({ code: 'CERTIFICATE_ALREADY_RECORDED' }));
    expect(when(certify('컴퓨터활용능력 2급', '2026-05-19'), [courseCreated, enrolled(kim), obtained])).toHaveLength(1);
  });

  it('refuses a future date with DATE_IN_FUTURE', () => {
    expect(() => when(certify('간호조무사', '2026-06-01'), [courseCreated, enrolled(kim)])).toThrow(expect.objectContaining({ code: 'DATE_IN_FUTURE' }));
  });
});
