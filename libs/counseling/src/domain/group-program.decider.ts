import { NotFound, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type { GroupProgramEvent } from '@saeil/contracts';
import { Participant, requireParticipants } from './participants';

export interface CreateGroupProgram {
  type: 'CreateGroupProgram';
  programId: string;
  centerId: string;
  name: string;
  year: number;
  plannedSessions: number;
  plannedParticipants: number;
}

export interface RecordGroupSession {
  type: 'RecordGroupSession';
  programId: string;
  sessionNo: number;
  heldOn: string;
  topic?: string;
  /** Registered attendees with their cases as read for the decision. */
  attendees: Participant[];
  walkInCount: number;
  today: string;
}

export type GroupProgramCommand = CreateGroupProgram | RecordGroupSession;

export interface GroupProgramState {
  exists: boolean;
  centerId?: string;
  year?: number;
  plannedSessions: number;
  sessionNos: number[];
}

function decideCreate(command: CreateGroupProgram, state: GroupProgramState): GroupProgramEvent[] {
  if (state.exists) throw new RuleViolation('PROGRAM_ALREADY_CREATED', '이미 개설된 집단상담 프로그램입니다.');
  const { programId, centerId, year, plannedSessions, plannedParticipants } = command;
  return [
    {
      type: 'GroupProgramCreated',
      data: { programId, centerId, name: command.name.trim(), year, plannedSessions, plannedParticipants },
    },
  ];
}

function decideSession(command: RecordGroupSession, state: GroupProgramState): GroupProgramEvent[] {
  if (!state.exists) throw new NotFound('집단상담 프로그램', command.programId);
  if (state.sessionNos.includes(command.sessionNo)) {
    throw new RuleViolation('SESSION_ALREADY_RECORDED', `${command.sessionNo}회차는 이미 기록되었습니다.`, {
      sessionNo: command.sessionNo,
    });
  }
  if (command.sessionNo > state.plannedSessions) {
    throw new RuleViolation(
      'SESSION_NUMBER_OUT_OF_PLAN',
      `이 프로그램은 ${state.plannedSessions}회로 계획되어 있습니다.`,
      {
        sessionNo: command.sessionNo,
        plannedSessions: state.plannedSessions,
      },
    );
  }
  requireNotInFuture('heldOn', command.heldOn, command.today);
  if (Number(command.heldOn.slice(0, 4)) !== state.year) {
    throw new RuleViolation(
      'SESSION_OUTSIDE_PROGRAM_YEAR',
      `${state.year}년 프로그램의 회차는 ${state.year}년에 실시되어야 합니다.`,
      { heldOn: command.heldOn, year: state.year },
    );
  }
  if (command.attendees.length === 0 && command.walkInCount === 0) {
    throw new RuleViolation('NO_PARTICIPANTS', '참여자가 없습니다. 등록 구직자 또는 미등록 참여 인원을 입력하세요.');
  }
  requireParticipants(command.attendees, 'UNKNOWN_ATTENDEE');
  const topic = command.topic?.trim() || undefined;
  return [
    {
      type: 'GroupSessionHeld',
      data: {
        programId: command.programId,
        centerId: state.centerId!,
        sessionNo: command.sessionNo,
        heldOn: command.heldOn,
        ...(topic ? { topic } : {}),
        attendeeClientIds: command.attendees.map((a) => a.clientId),
        walkInCount: command.walkInCount,
      },
    },
  ];
}

/** A group program (집단상담) and the sessions held under it. Pure. */
export const groupProgramDecider: Decider<GroupProgramCommand, GroupProgramState, GroupProgramEvent> = {
  initialState: () => ({ exists: false, plannedSessions: 0, sessionNos: [] }),

  evolve(state, event) {
    switch (event.type) {
      case 'GroupProgramCreated':
        return {
          ...state,
          exists: true,
          centerId: event.data.centerId,
          year: event.data.year,
          plannedSessions: event.data.plannedSessions,
        };
      case 'GroupSessionHeld':
        return { ...state, sessionNos: [...state.sessionNos, event.data.sessionNo] };
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'CreateGroupProgram':
        return decideCreate(command, state);
      case 'RecordGroupSession':
        return decideSession(command, state);
    }
  },
};
