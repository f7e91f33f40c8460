import { addDays, addMonths, NotFound, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type {
  ConversionEmploymentType,
  InternshipConvertedV1,
  InternshipEndReason,
  InternshipEvent,
  InternshipStartedV1,
  SubsidyKind,
  SubsidyRecipient,
} from '@saeil/contracts';
import { CaseState, requireOpenCase } from '@saeil/intake/domain';
import { programFor, ScheduledPayment, SubsidyProgram, SubsidySchedules } from './subsidy-schedule';

/** What every internship command carries besides its own fields. */
interface InternshipCommandBase {
  internshipId: string;
  /** Her case, read from her client stream. */
  case: CaseState;
  /** Today in Korea, for DATE_IN_FUTURE. */
  today: string;
}

export interface StartInternship extends InternshipCommandBase {
  type: 'StartInternship';
  clientId: string;
  employerId: string;
  employerName: string;
  jobTitle?: string;
  startOn: string;
  plannedEndOn: string;
  /** Defaults to the year of startOn. */
  programYear?: number;
  region: string;
  /** Her internship still active, if any (from the write-side lookup). */
  activeInternshipId?: string;
  schedules: SubsidySchedules;
}

export interface EndInternship extends InternshipCommandBase {
  type: 'EndInternship';
  endedOn: string;
  reason: InternshipEndReason;
  note?: string;
}

export interface ConvertInternship extends InternshipCommandBase {
  type: 'ConvertInternship';
  convertedOn: string;
  jobTitle: string;
  employmentType: ConversionEmploymentType;
  schedules: SubsidySchedules;
}

export interface PayInternshipSubsidy extends InternshipCommandBase {
  type: 'PayInternshipSubsidy';
  paymentNo: number;
  kind: SubsidyKind;
  recipient: SubsidyRecipient;
  amount: number;
  paidOn: string;
  schedules: SubsidySchedules;
}

export type InternshipCommand = StartInternship | EndInternship | ConvertInternship | PayInternshipSubsidy;

export type InternshipStatus = 'active' | 'ended' | 'converted';

export interface InternshipState {
  started?: InternshipStartedV1;
  status?: InternshipStatus;
  endedOn?: string;
  endReason?: InternshipEndReason;
  conversion?: InternshipConvertedV1 & { fromActive: boolean };
  /** paymentNo → paidOn. */
  paid: Record<number, string>;
}

type Started = InternshipState & { started: InternshipStartedV1; status: InternshipStatus };

export function internshipAlreadyActive(activeInternshipId: string): RuleViolation {
  return new RuleViolation('INTERNSHIP_ALREADY_ACTIVE', '이미 진행 중인 새일여성인턴이 있습니다. 먼저 종료하세요.', {
    activeInternshipId,
  });
}

/** Last day she worked as an intern, once the internship is over (undefined while active). */
export function internedThrough(state: InternshipState): string | undefined {
  if (state.endedOn) return state.endedOn;
  if (state.conversion?.fromActive) return addDays(state.conversion.convertedOn, -1);
  return undefined;
}

/** Last day of internship month n (month 1 starts on the start day). */
export function monthEndsOn(startOn: string, month: number): string {
  return addDays(addMonths(startOn, month), -1);
}

function requireStarted(
  state: InternshipState,
  command: InternshipCommandBase,
  date: string,
  dateField: string,
): asserts state is Started {
  if (!state.started || !state.status) throw new NotFound('새일여성인턴', command.internshipId);
  requireOpenCase(command.case, state.started.clientId);
  requireNotInFuture(dateField, date, command.today);
}

function requireProgram(schedules: SubsidySchedules, started: InternshipStartedV1): SubsidyProgram {
  const program = programFor(schedules, started.programYear, started.region);
  if (!program) throw scheduleMissing(started.programYear, started.region);
  return program;
}

function scheduleMissing(programYear: number, region: string): RuleViolation {
  return new RuleViolation(
    'SUBSIDY_SCHEDULE_MISSING',
    `${programYear}년 ${region} 인턴 지원금 기준이 설정되어 있지 않습니다.`,
    { programYear, region },
  );
}

function refuseBeforeStart(date: string, started: InternshipStartedV1, field: string): void {
  if (date < started.startOn)
    throw new RuleViolation('DATE_BEFORE_START', `${date}은(는) 인턴 시작일(${started.startOn}) 이전입니다.`, {
      field,
      date,
      startOn: started.startOn,
    });
}

/**
 * One 새일여성인턴 internship: start with an employer, end, conversion to a post, and the subsidies
 * of its configured schedule. Pure: the schedule comes in the command, from configuration.
 */
export const internshipDecider: Decider<InternshipCommand, InternshipState, InternshipEvent> = {
  initialState: () => ({ paid: {} }),

  evolve(state, event) {
    switch (event.type) {
      case 'InternshipStarted':
        return { ...state, started: event.data, status: 'active' };
      case 'InternshipEnded':
        return { ...state, status: 'ended', endedOn: event.data.endedOn, endReason: event.data.reason };
      case 'InternshipConverted':
        return { ...state, status: 'converted', conversion: { ...event.data, fromActive: state.status === 'active' } };
      case 'InternshipSubsidyPaid':
        return { ...state, paid: { ...state.paid, [event.data.paymentNo]: event.data.paidOn } };
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'StartInternship':
        return start(command, state);
      case 'EndInternship':
        return end(command, state);
      case 'ConvertInternship':
        return convert(command, state);
      case 'PayInternshipSubsidy':
        return pay(command, state);
    }
  },
};

function start(command: StartInternship, state: InternshipState): InternshipEvent[] {
  if (state.started)
    throw new RuleViolation('INTERNSHIP_ALREADY_STARTED', '이미 시작된 인턴입니다.', {
      internshipId: command.internshipId,
    });
  // She is sent to an employer: her data is shared with it.
  requireOpenCase(command.case, command.clientId, ['service', 'employer_sharing']);
  requireNotInFuture('startOn', command.startOn, command.today);
  if (command.startOn > command.plannedEndOn) {
    throw new RuleViolation(
      'INTERNSHIP_DATES_INVERTED',
      `종료 예정일(${command.plannedEndOn})이 시작일(${command.startOn})보다 빠릅니다.`,
      { startOn: command.startOn, plannedEndOn: command.plannedEndOn },
    );
  }
  const programYear = command.programYear ?? Number(command.startOn.slice(0, 4));
  const region = command.region.trim();
  if (!programFor(command.schedules, programYear, region)) throw scheduleMissing(programYear, region);
  if (command.activeInternshipId) throw internshipAlreadyActive(command.activeInternshipId);
  const jobTitle = command.jobTitle?.trim();
  return [
    {
      type: 'InternshipStarted',
      data: {
        internshipId: command.internshipId,
        clientId: command.clientId,
        centerId: command.case.centerId!,
        employerId: command.employerId,
        employerName: command.employerName.trim(),
        ...(jobTitle ? { jobTitle } : {}),
        startOn: command.startOn,
        plannedEndOn: command.plannedEndOn,
        programYear,
        region,
      },
    },
  ];
}

function end(command: EndInternship, state: InternshipState): InternshipEvent[] {
  requireStarted(state, command, command.endedOn, 'endedOn');
  if (state.status !== 'active') throw notActive(state);
  refuseBeforeStart(command.endedOn, state.started, 'endedOn');
  const note = command.note?.trim();
  return [
    {
      type: 'InternshipEnded',
      data: {
        internshipId: command.internshipId,
        clientId: state.started.clientId,
        endedOn: command.endedOn,
        reason: command.reason,
        ...(note ? { note } : {}),
      },
    },
  ];
}

function notActive(state: Started): RuleViolation {
  return new RuleViolation('INTERNSHIP_NOT_ACTIVE', '진행 중인 인턴이 아닙니다.', {
    status: state.status,
    endedOn: state.endedOn,
    endReason: state.endReason,
  });
}

function convert(command: ConvertInternship, state: InternshipState): InternshipEvent[] {
  requireStarted(state, command, command.convertedOn, 'convertedOn');
  const { started } = state;
  if (state.conversion)
    throw new RuleViolation('ALREADY_CONVERTED', `이미 ${state.conversion.convertedOn}에 전환되었습니다.`, {
      convertedOn: state.conversion.convertedOn,
    });
  // Only an internship still running, or one just completed, becomes a post: not one she quit
  // or was dismissed from.
  if (state.status === 'ended' && state.endReason !== 'completed') {
    throw new RuleViolation(
      'INTERNSHIP_NOT_ACTIVE',
      '중도에 끝난 인턴은 전환할 수 없습니다. 진행 중이거나 수료한 인턴만 전환할 수 있습니다.',
      { status: state.status, endReason: state.endReason },
    );
  }
  refuseBeforeStart(command.convertedOn, started, 'convertedOn');
  if (state.endedOn) {
    if (command.convertedOn <= state.endedOn) {
      throw new RuleViolation(
        'CONVERSION_BEFORE_INTERNSHIP_END',
        `전환일(${command.convertedOn})은 인턴 종료일(${state.endedOn}) 다음 날 이후여야 합니다.`,
        { convertedOn: command.convertedOn, endedOn: state.endedOn },
      );
    }
    const { conversionWindowDays } = requireProgram(command.schedules, started);
    const lastDay = addDays(state.endedOn, conversionWindowDays);
    if (command.convertedOn > lastDay) {
      throw new RuleViolation(
        'CONVERSION_WINDOW_PASSED',
        `인턴 수료 후 ${conversionWindowDays}일(${lastDay})이 지나 전환으로 기록할 수 없습니다. 취업으로 기록하세요.`,
        {
          endedOn: state.endedOn,
          conversionWindowDays,
          lastDay,
        },
      );
    }
  }
  return [
    {
      type: 'InternshipConverted',
      data: {
        internshipId: command.internshipId,
        clientId: started.clientId,
        employerId: started.employerId,
        employerName: started.employerName,
        convertedOn: command.convertedOn,
        jobTitle: command.jobTitle.trim(),
        employmentType: command.employmentType,
      },
    },
  ];
}

function pay(command: PayInternshipSubsidy, state: InternshipState): InternshipEvent[] {
  requireStarted(state, command, command.paidOn, 'paidOn');
  const { started } = state;
  if (command.paidOn < started.startOn) {
    throw new RuleViolation(
      'SUBSIDY_BEFORE_START',
      `지급일(${command.paidOn})이 인턴 시작일(${started.startOn})보다 빠릅니다.`,
      { paidOn: command.paidOn, startOn: started.startOn },
    );
  }
  const program = requireProgram(command.schedules, started);
  const scheduled = program.payments.find((p) => p.no === command.paymentNo);
  if (!scheduled || scheduled.kind !== command.kind || scheduled.recipient !== command.recipient) {
    throw new RuleViolation(
      'SUBSIDY_NOT_IN_SCHEDULE',
      `${started.programYear}년 ${program.region} 지원금 기준에 없는 지급입니다.`,
      {
        paymentNo: command.paymentNo,
        scheduled: program.payments.map(({ no, kind, recipient, amount, month, monthsAfterConversion }) => ({
          no,
          kind,
          recipient,
          amount,
          month,
          monthsAfterConversion,
        })),
      },
    );
  }
  if (state.paid[command.paymentNo]) {
    throw new RuleViolation(
      'SUBSIDY_ALREADY_PAID',
      `${command.paymentNo}회차 지원금은 ${state.paid[command.paymentNo]}에 이미 지급되었습니다.`,
      { paymentNo: command.paymentNo, paidOn: state.paid[command.paymentNo] },
    );
  }
  if (command.amount !== scheduled.amount) {
    throw new RuleViolation(
      'SUBSIDY_AMOUNT_MISMATCH',
      `${command.paymentNo}회차 지원금은 ${scheduled.amount.toLocaleString('ko-KR')}원입니다.`,
      { paymentNo: command.paymentNo, expected: scheduled.amount, given: command.amount },
    );
  }
  if (scheduled.kind === 'monthly') refuseMonthNotInterned(scheduled, state, command.paidOn);
  else refuseRetentionNotDue(scheduled, state, command.paidOn);
  return [
    {
      type: 'InternshipSubsidyPaid',
      data: {
        internshipId: command.internshipId,
        clientId: started.clientId,
        paymentNo: scheduled.no,
        kind: scheduled.kind,
        recipient: scheduled.recipient,
        amount: scheduled.amount,
        paidOn: command.paidOn,
        ...(scheduled.month !== undefined ? { month: scheduled.month } : {}),
        programYear: started.programYear,
        region: started.region,
      },
    },
  ];
}

/** A monthly subsidy pays for a whole month interned, once that month is over. */
function refuseMonthNotInterned(scheduled: ScheduledPayment, state: Started, paidOn: string): void {
  const month = scheduled.month!;
  const endsOn = monthEndsOn(state.started.startOn, month);
  const through = internedThrough(state);
  if (through !== undefined && through < endsOn) {
    throw new RuleViolation(
      'MONTH_NOT_INTERNED',
      `인턴 ${month}개월차(~${endsOn})를 채우지 못해 지급할 수 없습니다 (인턴 종료 ${through}).`,
      { month, monthEndsOn: endsOn, internedThrough: through },
    );
  }
  if (paidOn <= endsOn) {
    throw new RuleViolation('SUBSIDY_NOT_DUE', `인턴 ${month}개월차가 ${endsOn}에 끝난 뒤에 지급할 수 있습니다.`, {
      month,
      dueFrom: addDays(endsOn, 1),
      paidOn,
    });
  }
}

/** A retention bonus is due once she has held the converted regular post for the configured months. */
function refuseRetentionNotDue(scheduled: ScheduledPayment, state: Started, paidOn: string): void {
  const conversion = state.conversion;
  if (!conversion || conversion.employmentType !== 'regular') {
    throw new RuleViolation('CONVERSION_REQUIRED', '고용유지 지원금은 정규직 전환 후에만 지급할 수 있습니다.', {
      conversion: conversion ? conversion.employmentType : null,
    });
  }
  const dueFrom = addMonths(conversion.convertedOn, scheduled.monthsAfterConversion!);
  if (paidOn < dueFrom) {
    throw new RuleViolation(
      'SUBSIDY_NOT_DUE',
      `전환(${conversion.convertedOn}) 후 ${scheduled.monthsAfterConversion}개월이 지난 ${dueFrom}부터 지급할 수 있습니다.`,
      {
        monthsAfterConversion: scheduled.monthsAfterConversion,
        dueFrom,
        paidOn,
      },
    );
  }
}
