/**
 * Public event contracts of the training context (topic `saeil.training.events.v1`).
 *
 * One stream per course, `course-<courseId>`: the course (직업교육훈련 과정) and everything that
 * happens to its trainees — enrollment (수강), attendance, completion (수료), dropout (중도탈락)
 * and certificates (자격증). Keeping every enrollment in the course's stream is what makes the
 * capacity strict: two counselors filling the last seat at once end in one success and one 409.
 *
 * Training employment rate (statistics) reads TrainingCompleted: it carries `completedOn` and the
 * course `field`, so no other event is needed to count completers by field and period.
 */
import { EventContract, s } from './contract';

export const TRAINING_CONTEXT = 'training';

export const courseStreamId = (courseId: string): string => `course-${courseId}`;

/** 중도탈락 사유. `employed`: she left because she found a job (조기취업), a good outcome. */
export const DROPOUT_REASONS = [
  'employed',
  'health',
  'childcare',
  'family_care',
  'personal',
  'lost_contact',
  'other',
] as const;
export type DropoutReason = (typeof DROPOUT_REASONS)[number];

export interface TrainingCourseCreatedV1 {
  courseId: string;
  /** Center running (or commissioning) the course. */
  centerId: string;
  title: string;
  /** 훈련기관: who delivers it. */
  provider: string;
  /** 훈련 분야, e.g. '간호조무사', '사무행정'. */
  field: string;
  startsOn: string;
  endsOn: string;
  /** Total training hours. */
  hours: number;
  /** 정원: most trainees enrolled at once (dropouts free their seat). */
  capacity: number;
}

export interface TrainingEnrolledV1 {
  courseId: string;
  clientId: string;
  courseTitle: string;
  field: string;
  enrolledOn: string;
}

export interface TrainingAttendanceRecordedV1 {
  courseId: string;
  clientId: string;
  date: string;
  present: boolean;
  /** True when it replaces what was recorded for that date before. */
  correction: boolean;
}

export interface TrainingCompletedV1 {
  courseId: string;
  clientId: string;
  courseTitle: string;
  field: string;
  completedOn: string;
}

export interface TrainingDroppedOutV1 {
  courseId: string;
  clientId: string;
  droppedOn: string;
  reason: DropoutReason;
  note?: string;
}

export interface TrainingCertificateObtainedV1 {
  courseId: string;
  clientId: string;
  /** Name of the certificate (자격증), e.g. '간호조무사'. */
  certificate: string;
  field: string;
  obtainedOn: string;
}

export type TrainingCourseCreated = { type: 'TrainingCourseCreated'; data: TrainingCourseCreatedV1 };
export type TrainingEnrolled = { type: 'TrainingEnrolled'; data: TrainingEnrolledV1 };
export type TrainingAttendanceRecorded = { type: 'TrainingAttendanceRecorded'; data: TrainingAttendanceRecordedV1 };
export type TrainingCompleted = { type: 'TrainingCompleted'; data: TrainingCompletedV1 };
export type TrainingDroppedOut = { type: 'TrainingDroppedOut'; data: TrainingDroppedOutV1 };
export type TrainingCertificateObtained = { type: 'TrainingCertificateObtained'; data: TrainingCertificateObtainedV1 };

export type TrainingEvent =
  | TrainingCourseCreated
  | TrainingEnrolled
  | TrainingAttendanceRecorded
  | TrainingCompleted
  | TrainingDroppedOut
  | TrainingCertificateObtained;

export const TRAINING_EVENT_TYPES = [
  'TrainingCourseCreated',
  'TrainingEnrolled',
  'TrainingAttendanceRecorded',
  'TrainingCompleted',
  'TrainingDroppedOut',
  'TrainingCertificateObtained',
] as const satisfies readonly TrainingEvent['type'][];

const text = (description?: string) => s.string(description, { minLength: 1 });

export const TRAINING_CONTRACTS: EventContract[] = [
  {
    type: 'TrainingCourseCreated',
    context: TRAINING_CONTEXT,
    version: 1,
    summary: '직업교육훈련 과정 개설 — a training course was set up (provider, field, dates, hours, capacity)',
    payload: s.object({
      courseId: s.uuid(),
      centerId: text('center running the course'),
      title: text(),
      provider: text('훈련기관'),
      field: text('훈련 분야'),
      startsOn: s.date(),
      endsOn: s.date('on or after startsOn'),
      hours: s.integer('total training hours', { minimum: 1 }),
      capacity: s.integer('정원', { minimum: 1 }),
    }),
  },
  {
    type: 'TrainingEnrolled',
    context: TRAINING_CONTEXT,
    version: 1,
    summary: '수강 등록 — she enrolled in a course (within its capacity, before it ended)',
    payload: s.object({
      courseId: s.uuid(),
      clientId: s.uuid(),
      courseTitle: text(),
      field: text('훈련 분야'),
      enrolledOn: s.date(),
    }),
  },
  {
    type: 'TrainingAttendanceRecorded',
    context: TRAINING_CONTEXT,
    version: 1,
    summary: '출결 기록 — her attendance on one course day (a later record for the same day corrects it)',
    payload: s.object({
      courseId: s.uuid(),
      clientId: s.uuid(),
      date: s.date(),
      present: s.boolean(),
      correction: s.boolean(),
    }),
  },
  {
    type: 'TrainingCompleted',
    context: TRAINING_CONTEXT,
    version: 1,
    summary: '수료 — she completed the course (completedOn and field feed the training employment rate)',
    payload: s.object({
      courseId: s.uuid(),
      clientId: s.uuid(),
      courseTitle: text(),
      field: text('훈련 분야'),
      completedOn: s.date(),
    }),
  },
  {
    type: 'TrainingDroppedOut',
    context: TRAINING_CONTEXT,
    version: 1,
    summary: '중도탈락 — she left the course before completing it, with a reason; her seat is freed',
    payload: s.object(
      {
        courseId: s.uuid(),
        clientId: s.uuid(),
        droppedOn: s.date(),
        reason: s.enum(DROPOUT_REASONS, '중도탈락 사유'),
        note: s.string(undefined, { maxLength: 500 }),
      },
      ['note'],
    ),
  },
  {
    type: 'TrainingCertificateObtained',
    context: TRAINING_CONTEXT,
    version: 1,
    summary: '자격증 취득 — she obtained a certificate through the course',
    payload: s.object({
      courseId: s.uuid(),
      clientId: s.uuid(),
      certificate: text('자격증 명칭'),
      field: text('훈련 분야'),
      obtainedOn: s.date(),
    }),
  },
];
