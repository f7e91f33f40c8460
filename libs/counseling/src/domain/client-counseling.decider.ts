import { requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import { CHANNELS_WITH_PLACE } from '@saeil/contracts';
import type { ClientCounselingEvent, CounselingChannel, EmploymentPlanContent, PlannedService } from '@saeil/contracts';
import { CaseState, requireOpenCase } from '@saeil/intake/domain';

/** Her case as read from the client stream, and the day in Korea the command is decided. */
interface CaseCommand {
  clientId: string;
  case: CaseState;
  today: string;
}

export interface RecordCounselingSession extends CaseCommand {
  type: 'RecordCounselingSession';
  sessionId: string;
  channel: CounselingChannel;
  place?: string;
  topic: string;
  durationMinutes: number;
  /** Her notes (상담 내용), already sealed with her data key by the handler (a pd1 envelope). */
  sealedNotes?: string;
  /** Defaults to her assigned counselor. */
  counselorId?: string;
  occurredOn: string;
}

export interface SetEmploymentPlan extends CaseCommand, EmploymentPlanContent {
  type: 'SetEmploymentPlan';
  planId: string;
  counselorId?: string;
  setOn: string;
}

export interface ReviseEmploymentPlan extends CaseCommand {
  type: 'ReviseEmploymentPlan';
  changes: Partial<EmploymentPlanContent>;
  reason: string;
  revisedOn: string;
}

export type ClientCounselingCommand = RecordCounselingSession | SetEmploymentPlan | ReviseEmploymentPlan;

export interface CurrentPlan extends EmploymentPlanContent {
  planId: string;
  setOn: string;
  /** Day of the last change (the setting or the latest revision). */
  lastChangedOn: string;
  revisions: number;
}

export interface ClientCounselingState {
  sessions: number;
  plan?: CurrentPlan;
}

const PLACE_LABEL: Partial<Record<CounselingChannel, string>> = {
  mobile_outreach: '이동상담 장소(아파트 단지, 역, 기관 등)',
  partner_institution: '협약기관명',
};

function decideSession(command: RecordCounselingSession): ClientCounselingEvent[] {
  requireOpenCase(command.case, command.clientId, ['service']);
  requireNotInFuture('occurredOn', command.occurredOn, command.today);
  const place = command.place?.trim() || undefined;
  if (CHANNELS_WITH_PLACE.includes(command.channel) && !place) {
    throw new RuleViolation('PLACE_REQUIRED', `${PLACE_LABEL[command.channel]}을(를) 입력하세요.`, {
      channel: command.channel,
    });
  }
  if (!CHANNELS_WITH_PLACE.includes(command.channel) && place) {
    throw new RuleViolation('PLACE_NOT_APPLICABLE', '장소는 찾아가는 이동상담과 기관 협약상담에만 입력합니다.', {
      channel: command.channel,
    });
  }
  const sealedNotes = command.sealedNotes;
  if (sealedNotes !== undefined && !sealedNotes.startsWith('pd1.'))
    throw new Error('counseling notes must come sealed by the vault (pd1 envelope)');
  return [
    {
      type: 'CounselingSessionRecorded',
      data: {
        clientId: command.clientId,
        sessionId: command.sessionId,
        centerId: command.case.centerId,
        channel: command.channel,
        ...(place ? { place } : {}),
        topic: command.topic.trim(),
        durationMinutes: command.durationMinutes,
        ...(sealedNotes ? { sealedNotes } : {}),
        counselorId: command.counselorId ?? command.case.counselorId,
        occurredOn: command.occurredOn,
      },
    },
  ];
}

function requireNextActionNotBefore(content: Partial<EmploymentPlanContent>, day: string): void {
  if (content.nextAction && content.nextAction.dueOn < day) {
    throw new RuleViolation(
      'NEXT_ACTION_DUE_BEFORE_PLAN_DATE',
      `다음 조치 기한(${content.nextAction.dueOn})이 계획일(${day})보다 앞설 수 없습니다.`,
      {
        dueOn: content.nextAction.dueOn,
        planDate: day,
      },
    );
  }
}

function decideSetPlan(command: SetEmploymentPlan, state: ClientCounselingState): ClientCounselingEvent[] {
  requireOpenCase(command.case, command.clientId, ['service']);
  if (state.plan) {
    throw new RuleViolation('PLAN_ALREADY_SET', '취업지원계획이 이미 수립되어 있습니다. 계획 변경으로 수정하세요.', {
      planId: state.plan.planId,
    });
  }
  requireNotInFuture('setOn', command.setOn, command.today);
  requireNextActionNotBefore(command, command.setOn);
  return [
    {
      type: 'EmploymentPlanSet',
      data: {
        clientId: command.clientId,
        planId: command.planId,
        centerId: command.case.centerId,
        counselorId: command.counselorId ?? command.case.counselorId,
        ...normalised(command),
        setOn: command.setOn,
      },
    },
  ];
}

function decideRevisePlan(command: ReviseEmploymentPlan, state: ClientCounselingState): ClientCounselingEvent[] {
  requireOpenCase(command.case, command.clientId, ['service']);
  const plan = state.plan;
  if (!plan) throw new RuleViolation('NO_PLAN', '수립된 취업지원계획이 없습니다. 먼저 계획을 수립하세요.');
  requireNotInFuture('revisedOn', command.revisedOn, command.today);
  if (command.revisedOn < plan.lastChangedOn) {
    throw new RuleViolation(
      'REVISION_BEFORE_LAST_CHANGE',
      `계획 변경일은 마지막 수립·변경일(${plan.lastChangedOn}) 이후여야 합니다.`,
      {
        revisedOn: command.revisedOn,
        lastChangedOn: plan.lastChangedOn,
      },
    );
  }
  const changes = differences(plan, normalised(command.changes));
  if (Object.keys(changes).length === 0) {
    throw new RuleViolation('NO_CHANGES', '변경된 내용이 없습니다.');
  }
  requireNextActionNotBefore(changes, command.revisedOn);
  return [
    {
      type: 'EmploymentPlanRevised',
      data: {
        clientId: command.clientId,
        planId: plan.planId,
        revision: plan.revisions + 1,
        changes,
        reason: command.reason.trim(),
        revisedOn: command.revisedOn,
      },
    },
  ];
}

/** Trimmed text, services in a stable order: what is compared and what is stored. */
function normalised<T extends Partial<EmploymentPlanContent>>(
  content: T,
): Pick<T, keyof EmploymentPlanContent & keyof T> {
  const out: Partial<EmploymentPlanContent> = {};
  if (content.goals) out.goals = content.goals.map((g) => g.trim());
  if (content.desiredOccupation !== undefined) out.desiredOccupation = content.desiredOccupation.trim();
  if (content.plannedServices) out.plannedServices = [...new Set(content.plannedServices)] as PlannedService[];
  if (content.nextAction)
    out.nextAction = { description: content.nextAction.description.trim(), dueOn: content.nextAction.dueOn };
  return out as Pick<T, keyof EmploymentPlanContent & keyof T>;
}

/** Only the parts that really change: a revision that restates the plan records nothing. */
function differences(plan: CurrentPlan, proposed: Partial<EmploymentPlanContent>): Partial<EmploymentPlanContent> {
  const changed: Partial<EmploymentPlanContent> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (proposed.goals && !same(proposed.goals, plan.goals)) changed.goals = proposed.goals;
  if (proposed.desiredOccupation !== undefined && proposed.desiredOccupation !== plan.desiredOccupation)
    changed.desiredOccupation = proposed.desiredOccupation;
  if (proposed.plannedServices && !same([...proposed.plannedServices].sort(), [...plan.plannedServices].sort()))
    changed.plannedServices = proposed.plannedServices;
  if (proposed.nextAction && !same(proposed.nextAction, plan.nextAction)) changed.nextAction = proposed.nextAction;
  return changed;
}

/** A client's individual counseling record: her sessions and her employment plan. Pure. */
export const clientCounselingDecider: Decider<ClientCounselingCommand, ClientCounselingState, ClientCounselingEvent> = {
  initialState: () => ({ sessions: 0 }),

  evolve(state, event) {
    switch (event.type) {
      case 'CounselingSessionRecorded':
        return { ...state, sessions: state.sessions + 1 };
      case 'EmploymentPlanSet': {
        const { planId, goals, desiredOccupation, plannedServices, nextAction, setOn } = event.data;
        return {
          ...state,
          plan: {
            planId,
            goals,
            desiredOccupation,
            plannedServices,
            nextAction,
            setOn,
            lastChangedOn: setOn,
            revisions: 0,
          },
        };
      }
      case 'EmploymentPlanRevised':
        if (!state.plan) return state;
        return {
          ...state,
          plan: {
            ...state.plan,
            ...event.data.changes,
            lastChangedOn: event.data.revisedOn,
            revisions: event.data.revision,
          },
        };
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RecordCounselingSession':
        return decideSession(command);
      case 'SetEmploymentPlan':
        return decideSetPlan(command, state);
      case 'ReviseEmploymentPlan':
        return decideRevisePlan(command, state);
    }
  },
};
