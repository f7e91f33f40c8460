import { NotFound, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type { DropoutReason, TrainingCourseCreatedV1, TrainingEvent } from '@saeil/contracts';
import { CaseState, requireOpenCase } from '@saeil/intake/domain';

export interface CreateCourse extends TrainingCourseCreatedV1 {
  type: 'CreateCourse';
}

/** What every command about one trainee carries: her case (to check it is open) and today. */
interface TraineeCommand {
  courseId: string;
  clientId: string;
  case: CaseState;
  /** Today in Korea, for DATE_IN_FUTURE. */
  today: string;
}

export interface EnrollInCourse extends TraineeCommand {
  type: 'EnrollInCourse';
  enrolledOn: string;
}

export interface RecordTrainingAttendance extends TraineeCommand {
  type: 'RecordTrainingAttendance';
  date: string;
  present: boolean;
}

export interface CompleteTraining extends TraineeCommand {
  type: 'CompleteTraining';
  completedOn: string;
}

export interface RecordTrainingDropout extends TraineeCommand {
  type: 'RecordTrainingDropout';
  droppedOn: string;
  reason: DropoutReason;
  note?: string;
}

export interface RecordTrainingCertificate extends TraineeCommand {
  type: 'RecordTrainingCertificate';
  certificate: string;
  obtainedOn: string;
}

export type CourseCommand =
  | CreateCourse
  | EnrollInCourse
  | RecordTrainingAttendance
  | CompleteTraining
  | RecordTrainingDropout
  | RecordTrainingCertificate;

export type EnrollmentStatus = 'enrolled' | 'completed' | 'dropped_out';

export interface Enrollment {
  enrolledOn: string;
  status: EnrollmentStatus;
  /** completedOn or droppedOn: the last day she took part. */
  leftOn?: string;
  attendance: Record<string, boolean>;
  certificates: string[];
}

export interface CourseState {
  course?: TrainingCourseCreatedV1;
  enrollments: Record<string, Enrollment>;
}

/** Seats taken: enrolled or completed trainees (a dropout frees her seat). */
export function seatsTaken(state: CourseState): number {
  return Object.values(state.enrollments).filter((e) => e.status !== 'dropped_out').length;
}

type ExistingCourse = CourseState & { course: TrainingCourseCreatedV1 };

function requireCourse(state: CourseState, courseId: string): asserts state is ExistingCourse {
  if (!state.course) throw new NotFound('직업교육훈련 과정', courseId);
}

function requireEnrollment(state: CourseState, clientId: string): Enrollment {
  const enrollment = state.enrollments[clientId];
  if (!enrollment)
    throw new RuleViolation('NOT_ENROLLED', '이 과정에 수강 등록되지 않은 구직자입니다. 먼저 수강 등록을 하세요.', {
      clientId,
    });
  return enrollment;
}

function refuseBeforeEnrollment(date: string, enrollment: Enrollment, field: string): void {
  if (date < enrollment.enrolledOn) {
    throw new RuleViolation(
      'DATE_BEFORE_ENROLLMENT',
      `${date}은(는) 수강 등록일(${enrollment.enrolledOn}) 이전입니다.`,
      { field, date, enrolledOn: enrollment.enrolledOn },
    );
  }
}

function refuseIfLeft(enrollment: Enrollment): void {
  if (enrollment.status === 'completed')
    throw new RuleViolation('ALREADY_COMPLETED', '이미 수료한 과정입니다.', { completedOn: enrollment.leftOn });
  if (enrollment.status === 'dropped_out')
    throw new RuleViolation('ALREADY_DROPPED_OUT', '이미 중도탈락한 과정입니다.', { droppedOn: enrollment.leftOn });
}

/** The checks every trainee command starts with, in the order a counselor would fix them. */
function trainee(command: TraineeCommand, state: CourseState, date: string, dateField: string): ExistingCourse {
  requireCourse(state, command.courseId);
  requireOpenCase(command.case, command.clientId);
  requireNotInFuture(dateField, date, command.today);
  return state;
}

function updateEnrollment(state: CourseState, clientId: string, change: (e: Enrollment) => Enrollment): CourseState {
  const current = state.enrollments[clientId];
  return current ? { ...state, enrollments: { ...state.enrollments, [clientId]: change(current) } } : state;
}

/**
 * A training course (직업교육훈련 과정) and its trainees, as pure functions. Every enrollment is
 * decided against the whole course, so the capacity holds under concurrency: the stream version
 * read here is the expected version of the append.
 */
export const courseDecider: Decider<CourseCommand, CourseState, TrainingEvent> = {
  initialState: () => ({ enrollments: {} }),

  evolve(state, event) {
    switch (event.type) {
      case 'TrainingCourseCreated':
        return { ...state, course: event.data };
      case 'TrainingEnrolled':
        return {
          ...state,
          enrollments: {
            ...state.enrollments,
            [event.data.clientId]: {
              enrolledOn: event.data.enrolledOn,
              status: 'enrolled',
              attendance: {},
              certificates: [],
            },
          },
        };
      case 'TrainingAttendanceRecorded':
        return updateEnrollment(state, event.data.clientId, (e) => ({
          ...e,
          attendance: { ...e.attendance, [event.data.date]: event.data.present },
        }));
      case 'TrainingCompleted':
        return updateEnrollment(state, event.data.clientId, (e) => ({
          ...e,
          status: 'completed',
          leftOn: event.data.completedOn,
        }));
      case 'TrainingDroppedOut':
        return updateEnrollment(state, event.data.clientId, (e) => ({
          ...e,
          status: 'dropped_out',
          leftOn: event.data.droppedOn,
        }));
      case 'TrainingCertificateObtained':
        return updateEnrollment(state, event.data.clientId, (e) => ({
          ...e,
          certificates: [...e.certificates, event.data.certificate],
        }));
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'CreateCourse':
        return createCourse(command, state);
      case 'EnrollInCourse':
        return enroll(command, state);
      case 'RecordTrainingAttendance':
        return recordAttendance(command, state);
      case 'CompleteTraining':
        return complete(command, state);
      case 'RecordTrainingDropout':
        return dropOut(command, state);
      case 'RecordTrainingCertificate':
        return recordCertificate(command, state);
    }
  },
};

function createCourse(command: CreateCourse, state: CourseState): TrainingEvent[] {
  if (state.course)
    throw new RuleViolation('COURSE_ALREADY_EXISTS', '이미 개설된 과정입니다.', { courseId: command.courseId });
  if (command.startsOn > command.endsOn) {
    throw new RuleViolation(
      'COURSE_DATES_INVERTED',
      `과정 종료일(${command.endsOn})이 시작일(${command.startsOn})보다 빠릅니다.`,
      { startsOn: command.startsOn, endsOn: command.endsOn },
    );
  }
  return [
    {
      type: 'TrainingCourseCreated',
      data: {
        courseId: command.courseId,
        centerId: command.centerId,
        title: command.title.trim(),
        provider: command.provider.trim(),
        field: command.field.trim(),
        startsOn: command.startsOn,
        endsOn: command.endsOn,
        hours: command.hours,
        capacity: command.capacity,
      },
    },
  ];
}

function enroll(command: EnrollInCourse, state: CourseState): TrainingEvent[] {
  const { course } = trainee(command, state, command.enrolledOn, 'enrolledOn');
  if (command.enrolledOn > course.endsOn) {
    throw new RuleViolation(
      'COURSE_ENDED',
      `과정이 ${course.endsOn}에 끝나 ${command.enrolledOn}에는 수강 등록할 수 없습니다.`,
      { endsOn: course.endsOn, enrolledOn: command.enrolledOn },
    );
  }
  const earlier = state.enrollments[command.clientId];
  if (earlier)
    throw new RuleViolation('ALREADY_ENROLLED', `이미 ${earlier.enrolledOn}에 이 과정에 수강 등록되어 있습니다.`, {
      enrolledOn: earlier.enrolledOn,
      status: earlier.status,
    });
  const taken = seatsTaken(state);
  if (taken >= course.capacity)
    throw new RuleViolation('COURSE_FULL', `정원(${course.capacity}명)이 모두 찼습니다.`, {
      capacity: course.capacity,
      enrolled: taken,
    });
  return [
    {
      type: 'TrainingEnrolled',
      data: {
        courseId: course.courseId,
        clientId: command.clientId,
        courseTitle: course.title,
        field: course.field,
        enrolledOn: command.enrolledOn,
      },
    },
  ];
}

function recordAttendance(command: RecordTrainingAttendance, state: CourseState): TrainingEvent[] {
  const { course } = trainee(command, state, command.date, 'date');
  const enrollment = requireEnrollment(state, command.clientId);
  if (command.date < course.startsOn || command.date > course.endsOn) {
    throw new RuleViolation(
      'DATE_OUTSIDE_COURSE',
      `${command.date}은(는) 교육기간(${course.startsOn}~${course.endsOn}) 밖입니다.`,
      { date: command.date, startsOn: course.startsOn, endsOn: course.endsOn },
    );
  }
  refuseBeforeEnrollment(command.date, enrollment, 'date');
  if (enrollment.leftOn && command.date > enrollment.leftOn) {
    throw new RuleViolation(
      'DATE_AFTER_LEAVING',
      `${enrollment.leftOn} 이후에는 수강하지 않았습니다 (${enrollment.status === 'completed' ? '수료' : '중도탈락'}).`,
      { date: command.date, leftOn: enrollment.leftOn, status: enrollment.status },
    );
  }
  const recorded = enrollment.attendance[command.date];
  if (recorded === command.present)
    throw new RuleViolation(
      'ATTENDANCE_ALREADY_RECORDED',
      `${command.date} 출결이 이미 같은 값으로 기록되어 있습니다.`,
      { date: command.date, present: recorded },
    );
  return [
    {
      type: 'TrainingAttendanceRecorded',
      data: {
        courseId: course.courseId,
        clientId: command.clientId,
        date: command.date,
        present: command.present,
        correction: recorded !== undefined,
      },
    },
  ];
}

function complete(command: CompleteTraining, state: CourseState): TrainingEvent[] {
  const { course } = trainee(command, state, command.completedOn, 'completedOn');
  const enrollment = requireEnrollment(state, command.clientId);
  refuseIfLeft(enrollment);
  if (command.completedOn < course.startsOn) {
    throw new RuleViolation(
      'COMPLETION_BEFORE_COURSE_START',
      `수료일(${command.completedOn})이 과정 시작일(${course.startsOn})보다 빠릅니다.`,
      { completedOn: command.completedOn, startsOn: course.startsOn },
    );
  }
  refuseBeforeEnrollment(command.completedOn, enrollment, 'completedOn');
  return [
    {
      type: 'TrainingCompleted',
      data: {
        courseId: course.courseId,
        clientId: command.clientId,
        courseTitle: course.title,
        field: course.field,
        completedOn: command.completedOn,
      },
    },
  ];
}

function dropOut(command: RecordTrainingDropout, state: CourseState): TrainingEvent[] {
  const { course } = trainee(command, state, command.droppedOn, 'droppedOn');
  const enrollment = requireEnrollment(state, command.clientId);
  refuseIfLeft(enrollment);
  if (command.droppedOn < course.startsOn || command.droppedOn > course.endsOn) {
    throw new RuleViolation(
      'DROPOUT_OUTSIDE_COURSE',
      `중도탈락일(${command.droppedOn})은 교육기간(${course.startsOn}~${course.endsOn}) 안이어야 합니다.`,
      {
        droppedOn: command.droppedOn,
        startsOn: course.startsOn,
        endsOn: course.endsOn,
      },
    );
  }
  refuseBeforeEnrollment(command.droppedOn, enrollment, 'droppedOn');
  const note = command.note?.trim();
  return [
    {
      type: 'TrainingDroppedOut',
      data: {
        courseId: course.courseId,
        clientId: command.clientId,
        droppedOn: command.droppedOn,
        reason: command.reason,
        ...(note ? { note } : {}),
      },
    },
  ];
}

function recordCertificate(command: RecordTrainingCertificate, state: CourseState): TrainingEvent[] {
  const { course } = trainee(command, state, command.obtainedOn, 'obtainedOn');
  const enrollment = requireEnrollment(state, command.clientId);
  if (command.obtainedOn < course.startsOn) {
    throw new RuleViolation(
      'CERTIFICATE_BEFORE_COURSE_START',
      `취득일(${command.obtainedOn})이 과정 시작일(${course.startsOn})보다 빠릅니다.`,
      { obtainedOn: command.obtainedOn, startsOn: course.startsOn },
    );
  }
  const certificate = command.certificate.trim();
  if (enrollment.certificates.includes(certificate))
    throw new RuleViolation('CERTIFICATE_ALREADY_RECORDED', `${certificate} 취득이 이미 기록되어 있습니다.`, {
      certificate,
    });
  return [
    {
      type: 'TrainingCertificateObtained',
      data: {
        courseId: course.courseId,
        clientId: command.clientId,
        certificate,
        field: course.field,
        obtainedOn: command.obtainedOn,
      },
    },
  ];
}
