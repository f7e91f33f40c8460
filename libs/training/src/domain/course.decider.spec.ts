import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { TrainingEvent } from '@saeil/contracts';
import type { CaseState } from '@saeil/intake/domain';
import { courseDecider, CreateCourse, seatsTaken } from './course.decider';
import { deciderSpec } from '../../../../tests/support/decider-spec';

const courseId = '5d0c1f5e-8a51-4f0e-9a3e-2b7c4d8e9f01';
const kim = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';
const lee = '1c9e6a7f-4d8b-4a6a-8e1b-8a0e8c2f3b22';
const park = '2dae7b80-5e9c-4b7b-9f2c-9b1f9d304c33';
const today = '2026-05-20';

const openCase = (clientId: string): CaseState => ({
  exists: true,
  clientId,
  centerId: 'center-naju',
  counselorId: 'counselor-kim',
  closed: false,
  consents: ['service'],
});

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

/** Every event decided is checked against its published contract. */
const { given, when } = deciderSpec(courseDecider, { checkEvent: assertMatchesContract });
const [courseCreated] = when(create).events();

const enroll = (clientId: string, enrolledOn = '2026-02-20') => ({
  type: 'EnrollInCourse' as const,
  courseId,
  clientId,
  enrolledOn,
  case: openCase(clientId),
  today,
});
const enrolled = (clientId: string, enrolledOn = '2026-02-20'): TrainingEvent => ({
  type: 'TrainingEnrolled',
  data: { courseId, clientId, courseTitle: '간호조무사 재취업 인력양성', field: '간호조무사', enrolledOn },
});
const completed = (clientId: string, completedOn = '2026-05-15'): TrainingEvent => ({
  type: 'TrainingCompleted',
  data: { courseId, clientId, courseTitle: '간호조무사 재취업 인력양성', field: '간호조무사', completedOn },
});
const droppedOut = (clientId: string, droppedOn = '2026-04-10'): TrainingEvent => ({
  type: 'TrainingDroppedOut',
  data: { courseId, clientId, droppedOn, reason: 'employed' },
});
const trainee = (clientId = kim) => ({ courseId, clientId, case: openCase(clientId), today });

describe('course decider: setting up a course', () => {
  it('given nothing, when creating a course, then TrainingCourseCreated carries provider, field, dates, hours and capacity (trimmed)', () => {
    when(create).then([
      {
        type: 'TrainingCourseCreated',
        data: {
          courseId,
          centerId: 'center-naju',
          title: '간호조무사 재취업 인력양성',
          provider: '진주직업전문학교',
          field: '간호조무사',
          startsOn: '2026-03-02',
          endsOn: '2026-06-30',
          hours: 740,
          capacity: 2,
        },
      },
    ]);
  });

  it('refuses a course that ends before it starts with COURSE_DATES_INVERTED', () => {
    when({ ...create, startsOn: '2026-07-01', endsOn: '2026-06-30' }).thenRefuses('COURSE_DATES_INVERTED');
  });

  it('a one-day course (start = end) is fine', () => {
    expect(when({ ...create, startsOn: '2026-06-30', endsOn: '2026-06-30' }).events()).toHaveLength(1);
  });

  it('refuses creating the same course twice with COURSE_ALREADY_EXISTS', () => {
    given(courseCreated).when(create).thenRefuses('COURSE_ALREADY_EXISTS');
  });
});

describe('course decider: enrollment', () => {
  it('given a course with free seats, when she enrolls, then TrainingEnrolled names the course and field', () => {
    given(courseCreated)
      .when(enroll(kim))
      .then([enrolled(kim)]);
  });

  it('an unknown course is a 404', () => {
    when(enroll(kim)).thenRefuses('NOT_FOUND');
  });

  it('needs an open case with the service consent (CONSENT_REQUIRED, CASE_CLOSED, 404 for an unknown client)', () => {
    given(courseCreated)
      .when({ ...enroll(kim), case: { ...openCase(kim), consents: [] } })
      .thenRefuses('CONSENT_REQUIRED');
    given(courseCreated)
      .when({ ...enroll(kim), case: { ...openCase(kim), closed: true } })
      .thenRefuses('CASE_CLOSED');
    given(courseCreated)
      .when({ ...enroll(kim), case: { exists: false, closed: false, consents: [] } })
      .thenRefuses('NOT_FOUND');
  });

  it('refuses enrolling twice with ALREADY_ENROLLED, also after a dropout', () => {
    given(courseCreated, enrolled(kim))
      .when(enroll(kim))
      .thenRefuses('ALREADY_ENROLLED', { enrolledOn: '2026-02-20', status: 'enrolled' });
    given(courseCreated, enrolled(kim), droppedOut(kim)).when(enroll(kim)).thenRefuses('ALREADY_ENROLLED');
  });

  it('given the capacity of 2 is taken, the third is refused with COURSE_FULL', () => {
    given(courseCreated, enrolled(kim), enrolled(lee))
      .when(enroll(park))
      .thenRefuses('COURSE_FULL', { capacity: 2, enrolled: 2 });
  });

  it('a completer still holds her seat; a dropout frees hers', () => {
    given(courseCreated, enrolled(kim), enrolled(lee), completed(kim)).when(enroll(park)).thenRefuses('COURSE_FULL');
    const history = [courseCreated, enrolled(kim), enrolled(lee), droppedOut(lee)];
    expect(seatsTaken(given(...history).state())).toBe(1);
    given(...history)
      .when(enroll(park, '2026-04-11'))
      .then([enrolled(park, '2026-04-11')]);
  });

  it('refuses enrolling after the course ended with COURSE_ENDED; on its last day is still fine', () => {
    const late = { ...enroll(kim, '2026-07-01'), today: '2026-07-05' };
    given(courseCreated).when(late).thenRefuses('COURSE_ENDED', { endsOn: '2026-06-30', enrolledOn: '2026-07-01' });
    expect(
      given(courseCreated)
        .when({ ...late, enrolledOn: '2026-06-30' })
        .events(),
    ).toHaveLength(1);
  });

  it('refuses an enrollment date in the future with DATE_IN_FUTURE', () => {
    given(courseCreated)
      .when(enroll(kim, '2026-05-21'))
      .thenRefuses('DATE_IN_FUTURE', { field: 'enrolledOn', date: '2026-05-21', today });
  });
});

describe('course decider: attendance', () => {
  const attend = (date: string, present = true) => ({
    type: 'RecordTrainingAttendance' as const,
    ...trainee(),
    date,
    present,
  });

  it('given she is enrolled, records her attendance on a course day', () => {
    given(courseCreated, enrolled(kim))
      .when(attend('2026-03-03'))
      .then([
        {
          type: 'TrainingAttendanceRecorded',
          data: { courseId, clientId: kim, date: '2026-03-03', present: true, correction: false },
        },
      ]);
  });

  it('refuses attendance of someone not enrolled with NOT_ENROLLED', () => {
    given(courseCreated).when(attend('2026-03-03')).thenRefuses('NOT_ENROLLED');
  });

  it('refuses a day outside the course with DATE_OUTSIDE_COURSE, and before her enrollment with DATE_BEFORE_ENROLLMENT', () => {
    const history = [courseCreated, enrolled(kim, '2026-03-10')];
    given(...history)
      .when(attend('2026-03-01'))
      .thenRefuses('DATE_OUTSIDE_COURSE');
    given(...history)
      .when(attend('2026-03-09'))
      .thenRefuses('DATE_BEFORE_ENROLLMENT');
  });

  it('refuses a day after she dropped out with DATE_AFTER_LEAVING, and accepts one before', () => {
    const history = [courseCreated, enrolled(kim), droppedOut(kim, '2026-04-10')];
    given(...history)
      .when(attend('2026-04-13'))
      .thenRefuses('DATE_AFTER_LEAVING', { date: '2026-04-13', leftOn: '2026-04-10', status: 'dropped_out' });
    expect(
      given(...history)
        .when(attend('2026-04-09'))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses the same record twice with ATTENDANCE_ALREADY_RECORDED; a different value is a correction', () => {
    const [first] = given(courseCreated, enrolled(kim)).when(attend('2026-03-03')).events();
    const history = [courseCreated, enrolled(kim), first];
    given(...history)
      .when(attend('2026-03-03'))
      .thenRefuses('ATTENDANCE_ALREADY_RECORDED');
    given(...history)
      .when(attend('2026-03-03', false))
      .then([
        {
          type: 'TrainingAttendanceRecorded',
          data: { courseId, clientId: kim, date: '2026-03-03', present: false, correction: true },
        },
      ]);
  });

  it('refuses a future day with DATE_IN_FUTURE', () => {
    given(courseCreated, enrolled(kim)).when(attend('2026-05-21')).thenRefuses('DATE_IN_FUTURE');
  });
});

describe('course decider: completion', () => {
  const complete = (completedOn: string, clientId = kim) => ({
    type: 'CompleteTraining' as const,
    ...trainee(clientId),
    completedOn,
  });

  it('given she is enrolled, TrainingCompleted carries completedOn and the course field (for the training employment rate)', () => {
    given(courseCreated, enrolled(kim))
      .when(complete('2026-05-15'))
      .then([completed(kim, '2026-05-15')]);
  });

  it('refuses completion without enrollment with NOT_ENROLLED', () => {
    given(courseCreated).when(complete('2026-05-15')).thenRefuses('NOT_ENROLLED');
  });

  it('refuses a completion dated before the course started with COMPLETION_BEFORE_COURSE_START', () => {
    given(courseCreated, enrolled(kim))
      .when(complete('2026-03-01'))
      .thenRefuses('COMPLETION_BEFORE_COURSE_START', { completedOn: '2026-03-01', startsOn: '2026-03-02' });
  });

  it('refuses a completion dated before her enrollment with DATE_BEFORE_ENROLLMENT', () => {
    given(courseCreated, enrolled(kim, '2026-04-02'))
      .when(complete('2026-04-01'))
      .thenRefuses('DATE_BEFORE_ENROLLMENT');
  });

  it('refuses completing twice (ALREADY_COMPLETED) and after a dropout (ALREADY_DROPPED_OUT)', () => {
    given(courseCreated, enrolled(kim), completed(kim)).when(complete('2026-05-16')).thenRefuses('ALREADY_COMPLETED');
    given(courseCreated, enrolled(kim), droppedOut(kim))
      .when(complete('2026-05-16'))
      .thenRefuses('ALREADY_DROPPED_OUT');
  });

  it('refuses a future completion date with DATE_IN_FUTURE', () => {
    given(courseCreated, enrolled(kim)).when(complete('2026-06-30')).thenRefuses('DATE_IN_FUTURE');
  });

  it('needs her case open', () => {
    given(courseCreated, enrolled(kim))
      .when({ ...complete('2026-05-15'), case: { ...openCase(kim), closed: true } })
      .thenRefuses('CASE_CLOSED');
  });
});

describe('course decider: dropout', () => {
  const drop = (droppedOn: string) => ({
    type: 'RecordTrainingDropout' as const,
    ...trainee(),
    droppedOn,
    reason: 'childcare' as const,
    note: ' 돌봄 공백 ',
  });

  it('given she is enrolled, TrainingDroppedOut carries the date and reason (note trimmed)', () => {
    given(courseCreated, enrolled(kim))
      .when(drop('2026-04-10'))
      .then([
        {
          type: 'TrainingDroppedOut',
          data: { courseId, clientId: kim, droppedOn: '2026-04-10', reason: 'childcare', note: '돌봄 공백' },
        },
      ]);
  });

  it('a dropout without a note has none in the event', () => {
    const [event] = given(courseCreated, enrolled(kim))
      .when({ ...drop('2026-04-10'), note: undefined })
      .events();
    expect(event.data).not.toHaveProperty('note');
  });

  it('refuses a dropout outside the course dates with DROPOUT_OUTSIDE_COURSE', () => {
    given(courseCreated, enrolled(kim)).when(drop('2026-03-01')).thenRefuses('DROPOUT_OUTSIDE_COURSE');
    given(courseCreated, enrolled(kim))
      .when({ ...drop('2026-07-01'), today: '2026-07-02' })
      .thenRefuses('DROPOUT_OUTSIDE_COURSE');
  });

  it('refuses a dropout before her enrollment, of someone not enrolled, after completion, and twice', () => {
    given(courseCreated, enrolled(kim, '2026-04-05')).when(drop('2026-04-01')).thenRefuses('DATE_BEFORE_ENROLLMENT');
    given(courseCreated).when(drop('2026-04-10')).thenRefuses('NOT_ENROLLED');
    given(courseCreated, enrolled(kim), completed(kim)).when(drop('2026-05-16')).thenRefuses('ALREADY_COMPLETED');
    given(courseCreated, enrolled(kim), droppedOut(kim)).when(drop('2026-04-11')).thenRefuses('ALREADY_DROPPED_OUT');
  });
});

describe('course decider: certificates', () => {
  const certify = (certificate: string, obtainedOn = '2026-05-18') => ({
    type: 'RecordTrainingCertificate' as const,
    ...trainee(),
    certificate,
    obtainedOn,
  });

  it('given she completed, records the certificate with the course field', () => {
    given(courseCreated, enrolled(kim), completed(kim))
      .when(certify(' 간호조무사 '))
      .then([
        {
          type: 'TrainingCertificateObtained',
          data: { courseId, clientId: kim, certificate: '간호조무사', field: '간호조무사', obtainedOn: '2026-05-18' },
        },
      ]);
  });

  it('refuses a certificate of someone not enrolled, dated before the course, or recorded twice', () => {
    given(courseCreated).when(certify('간호조무사')).thenRefuses('NOT_ENROLLED');
    given(courseCreated, enrolled(kim))
      .when(certify('간호조무사', '2026-02-01'))
      .thenRefuses('CERTIFICATE_BEFORE_COURSE_START');
    const [obtained] = given(courseCreated, enrolled(kim)).when(certify('간호조무사')).events();
    given(courseCreated, enrolled(kim), obtained)
      .when(certify('간호조무사', '2026-05-19'))
      .thenRefuses('CERTIFICATE_ALREADY_RECORDED');
    expect(
      given(courseCreated, enrolled(kim), obtained).when(certify('컴퓨터활용능력 2급', '2026-05-19')).events(),
    ).toHaveLength(1);
  });

  it('refuses a future date with DATE_IN_FUTURE', () => {
    given(courseCreated, enrolled(kim)).when(certify('간호조무사', '2026-06-01')).thenRefuses('DATE_IN_FUTURE');
  });
});
