import { NotFound, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/event-store';
import type { ClientProfile, ClientProfileUpdatedV1, ConsentPurpose, IntakeEvent } from '@saeil/contracts';
import { CaseState, evolveCase, initialCaseState, requireOpenCase } from './case-state';

/** Profile fields a counselor may change after registration (identity included). */
export type ProfileChanges = ClientProfileUpdatedV1['changes'];

export interface RegisterClient extends ClientProfile {
  type: 'RegisterClient';
  clientId: string;
  centerId: string;
  counselorId: string;
  name: string;
  birthDate: string;
  phone: string;
  /** Computed by the handler (keyed hashes: the domain holds no secret). */
  identityKeys: string[];
  /** Matched clients the counselor confirmed to be other people. */
  allowDuplicateOf?: string[];
  /** The day she registered, when recorded late (the event's occurred date); today otherwise. */
  registeredOn?: string;
  /** The day the command is decided (in Korea), injected so tests control it. */
  today: string;
}

export interface GiveConsent {
  type: 'GiveConsent';
  clientId: string;
  purpose: ConsentPurpose;
  version: string;
  givenOn: string;
  today: string;
}

export interface WithdrawConsent {
  type: 'WithdrawConsent';
  clientId: string;
  purpose: ConsentPurpose;
  withdrawnOn: string;
  today: string;
}

export interface UpdateClientProfile {
  type: 'UpdateClientProfile';
  clientId: string;
  changes: ProfileChanges;
  /** Identity keys of her name, birth date and phone after the changes (used only if one changed). */
  identityKeys: string[];
  today: string;
}

export interface AssignCounselor {
  type: 'AssignCounselor';
  clientId: string;
  centerId: string;
  counselorId: string;
  reason?: string;
}

export interface CloseCase {
  type: 'CloseCase';
  clientId: string;
  reason: string;
  closedOn: string;
  today: string;
}

export interface ReopenCase {
  type: 'ReopenCase';
  clientId: string;
  reason: string;
  reopenedOn: string;
  today: string;
}

export type ClientCommand = RegisterClient | GiveConsent | WithdrawConsent | UpdateClientProfile | AssignCounselor | CloseCase | ReopenCase;

export interface ClientIdentityFields {
  name: string;
  birthDate: string;
  phone: string;
}

/** The case as every context sees it (CaseState), plus what intake's own rules need. */
export interface ClientState extends CaseState {
  /** The center she was registered at: part of her name + birth date identity key. */
  registeredAtCenterId?: string;
  identity?: ClientIdentityFields;
  profile: Partial<ClientProfile>;
  /** Form version of each active consent. */
  consentVersions: Partial<Record<ConsentPurpose, string>>;
  identityKeys: string[];
  acknowledgedDuplicateOf: string[];
}

const MIN_AGE = 15;
const MAX_AGE = 100;
const PROFILE_FIELDS = [
  'region',
  'education',
  'careerBreakReason',
  'careerBreakYears',
  'lastOccupation',
  'experienceYears',
  'desiredOccupation',
  'desiredEmploymentType',
  'desiredHoursPerWeek',
  'desiredMonthlyWage',
  'certifications',
  'childcareNeeds',
] as const satisfies readonly (keyof ClientProfile)[];
const IDENTITY_FIELDS = ['name', 'birthDate', 'phone'] as const;

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function requirePlausibleBirthDate(birthDate: string, today: string): void {
  const age = ageOn(birthDate, today);
  if (age < MIN_AGE || age > MAX_AGE) {
    throw new RuleViolation('BIRTH_DATE_IMPLAUSIBLE', `생년월일이 올바르지 않습니다 (만 ${MIN_AGE}–${MAX_AGE}세만 등록할 수 있습니다).`, { age });
  }
}

function requireExists(state: ClientState, clientId: string): void {
  if (!state.exists) throw new NotFound('구직자', clientId);
}

/** Names are kept trimmed with inner whitespace collapsed ("김  영희 " = "김 영희"), as identity keys compare them. */
export const normaliseName = (name: string): string => name.trim().replace(/\s+/g, ' ');

const profileOf = (source: Partial<ClientProfile>): Partial<ClientProfile> =>
  Object.fromEntries(PROFILE_FIELDS.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of `changes` that differ from her current record (names compared normalised).
 * Exported for the handler, which re-indexes her identity keys only when this says so.
 */
export function changedFields(state: ClientState, changes: ProfileChanges): ProfileChanges {
  const current: Record<string, unknown> = { ...state.identity, ...state.profile };
  const proposed: Record<string, unknown> = { ...changes, ...(changes.name !== undefined ? { name: normaliseName(changes.name) } : {}) };
  return Object.fromEntries(Object.entries(proposed).filter(([field, value]) => value !== undefined && !sameValue(current[field], value)));
}

export const identityChanged = (changed: ProfileChanges): boolean => IDENTITY_FIELDS.some((f) => changed[f] !== undefined);

export function initialClientState(): ClientState {
  return { ...initialCaseState(), profile: {}, consentVersions: {}, identityKeys: [], acknowledgedDuplicateOf: [] };
}

export function evolveClient(state: ClientState, event: IntakeEvent): ClientState {
  const next: ClientState = { ...state, ...evolveCase(state, event) };
  switch (event.type) {
    case 'ClientRegistered': {
      const { name, birthDate, phone, centerId, identityKeys, acknowledgedDuplicateOf } = event.data;
      return { ...next, registeredAtCenterId: centerId, identity: { name, birthDate, phone }, profile: profileOf(event.data), identityKeys, acknowledgedDuplicateOf: acknowledgedDuplicateOf ?? [] };
    }
    case 'ClientProfileUpdated': {
      const { name, birthDate, phone, ...profile } = event.data.changes;
      const identity = { ...next.identity!, ...(name !== undefined ? { name } : {}), ...(birthDate !== undefined ? { birthDate } : {}), ...(phone !== undefined ? { phone } : {}) };
      return { ...next, identity, profile: { ...next.profile, ...profileOf(profile) }, identityKeys: event.data.identityKeys ?? next.identityKeys };
    }
    case 'ConsentGiven':
      return { ...next, consentVersions: { ...next.consentVersions, [event.data.purpose]: event.data.version } };
    case 'ConsentWithdrawn': {
      const { [event.data.purpose]: _withdrawn, ...rest } = next.consentVersions;
      return { ...next, consentVersions: rest };
    }
    default:
      return next;
  }
}

function register(command: RegisterClient, state: ClientState): IntakeEvent[] {
  if (state.exists) throw new RuleViolation('CLIENT_ALREADY_REGISTERED', '이미 등록된 구직자입니다.');
  requirePlausibleBirthDate(command.birthDate, command.today);
  if (command.registeredOn) requireNotInFuture('registeredOn', command.registeredOn, command.today);
  const { clientId, centerId, counselorId, birthDate, phone, identityKeys, allowDuplicateOf } = command;
  return [
    {
      type: 'ClientRegistered',
      data: {
        clientId,
        centerId,
        counselorId,
        name: normaliseName(command.name),
        birthDate,
        phone,
        identityKeys,
        ...(allowDuplicateOf && allowDuplicateOf.length > 0 ? { acknowledgedDuplicateOf: [...new Set(allowDuplicateOf)] } : {}),
        ...(profileOf(command) as ClientProfile),
      },
    },
  ];
}

/** Consents are hers to give and withdraw whatever the state of the case (closed included). */
function giveConsent(command: GiveConsent, state: ClientState): IntakeEvent[] {
  requireExists(state, command.clientId);
  requireNotInFuture('givenOn', command.givenOn, command.today);
  if (state.consentVersions[command.purpose] === command.version) {
    throw new RuleViolation('CONSENT_ALREADY_GIVEN', `이미 같은 버전(${command.version})의 동의가 유효합니다.`, { purpose: command.purpose, version: command.version });
  }
  const { clientId, purpose, version, givenOn } = command;
  return [{ type: 'ConsentGiven', data: { clientId, purpose, version, givenOn } }];
}

function withdrawConsent(command: WithdrawConsent, state: ClientState): IntakeEvent[] {
  requireExists(state, command.clientId);
  requireNotInFuture('withdrawnOn', command.withdrawnOn, command.today);
  if (!state.consents.includes(command.purpose)) {
    throw new RuleViolation('CONSENT_NOT_GIVEN', '철회할 동의가 없습니다 (동의하지 않았거나 이미 철회했습니다).', { purpose: command.purpose });
  }
  const { clientId, purpose, withdrawnOn } = command;
  return [{ type: 'ConsentWithdrawn', data: { clientId, purpose, withdrawnOn } }];
}

function updateProfile(command: UpdateClientProfile, state: ClientState): IntakeEvent[] {
  requireOpenCase(state, command.clientId, ['service']);
  const changes = changedFields(state, command.changes);
  if (Object.keys(changes).length === 0) throw new RuleViolation('NOTHING_CHANGED', '바뀐 내용이 없습니다.');
  if (changes.birthDate !== undefined) requirePlausibleBirthDate(changes.birthDate, command.today);
  return [{ type: 'ClientProfileUpdated', data: { clientId: command.clientId, changes, ...(identityChanged(changes) ? { identityKeys: command.identityKeys } : {}) } }];
}

function assignCounselor(command: AssignCounselor, state: ClientState): IntakeEvent[] {
  requireOpenCase(state, command.clientId, []);
  if (state.centerId === command.centerId && state.counselorId === command.counselorId) {
    throw new RuleViolation('SAME_ASSIGNMENT', '이미 이 센터의 이 상담사가 담당하고 있습니다.', { centerId: command.centerId, counselorId: command.counselorId });
  }
  const { clientId, centerId, counselorId, reason } = command;
  return [{ type: 'CounselorAssigned', data: { clientId, fromCenterId: state.centerId, fromCounselorId: state.counselorId, centerId, counselorId, ...(reason ? { reason } : {}) } }];
}

function closeCase(command: CloseCase, state: ClientState): IntakeEvent[] {
  requireExists(state, command.clientId);
  if (state.closed) throw new RuleViolation('CASE_ALREADY_CLOSED', '이미 종결된 사례입니다.');
  requireNotInFuture('closedOn', command.closedOn, command.today);
  const { clientId, reason, closedOn } = command;
  return [{ type: 'CaseClosed', data: { clientId, reason: reason.trim(), closedOn } }];
}

function reopenCase(command: ReopenCase, state: ClientState): IntakeEvent[] {
  requireExists(state, command.clientId);
  if (!state.closed) throw new RuleViolation('CASE_NOT_CLOSED', '종결되지 않은 사례는 재개할 수 없습니다.');
  requireNotInFuture('reopenedOn', command.reopenedOn, command.today);
  const { clientId, reason, reopenedOn } = command;
  return [{ type: 'CaseReopened', data: { clientId, reason: reason.trim(), reopenedOn } }];
}

/**
 * Intake's client lifecycle (the case), as pure functions (no Nest, no database). Its state is
 * CaseState folded by evolveCase, the same fold other contexts use, plus intake's own fields.
 */
export const clientDecider: Decider<ClientCommand, ClientState, IntakeEvent> = {
  initialState: initialClientState,
  evolve: evolveClient,
  decide(command, state) {
    switch (command.type) {
      case 'RegisterClient':
        return register(command, state);
      case 'GiveConsent':
        return giveConsent(command, state);
      case 'WithdrawConsent':
        return withdrawConsent(command, state);
      case 'UpdateClientProfile':
        return updateProfile(command, state);
      case 'AssignCounselor':
        return assignCounselor(command, state);
      case 'CloseCase':
        return closeCase(command, state);
      case 'ReopenCase':
        return reopenCase(command, state);
    }
  },
};
