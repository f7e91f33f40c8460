import { addDays, NotFound, requireInOrder, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type {
  ClientErasureReason,
  ClientIdentityFields,
  ClientProfile,
  ClientProfileUpdatedV1,
  ConsentPurpose,
  IntakeEvent,
} from '@saeil/contracts';
import { normalisePersonName } from './person-name';
import {
  CaseState,
  ClientDataErasedRule,
  evolveCase,
  initialCaseState,
  requireNotErased,
  requireOpenCase,
} from './case-state';

export type { ClientIdentityFields };
export { normalisePersonName };

/** Profile fields a counselor may change after registration (identity included, in clear in the command only). */
export type ProfileChanges = ClientProfileUpdatedV1['changes'];

/**
 * Her identity as the handler sealed it, with the keyed hashes it computed (the domain holds no
 * key and opens nothing: it validates the plaintext of the command and passes these on).
 */
export interface SealedIdentity {
  /** The vault's envelope of her ClientIdentityFields (name normalised). */
  personal: string;
  /** The vault's envelope of her keyed hashes (ClientIndexKeys): never in clear in an event. */
  sealedKeys: string;
}

export interface RegisterClient extends ClientProfile {
  type: 'RegisterClient';
  clientId: string;
  centerId: string;
  counselorId: string;
  /** In clear for validation only: the event carries `personal`, never these. */
  name: string;
  birthDate: string;
  phone: string;
  /** `{ name: normalisePersonName(name), birthDate, phone }` sealed by the handler. */
  personal: string;
  /** Her identity and search keys (computed by the handler: the domain holds no secret), sealed by it. */
  sealedKeys: string;
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
  /**
   * Her identity as it stands, opened by the handler from her latest envelope (the state holds
   * only the envelope): what the changes are compared with.
   */
  currentIdentity: ClientIdentityFields;
  /** Her whole identity after the changes, sealed, with its keys: needed when name, birth date or phone changes. */
  sealedIdentity?: SealedIdentity;
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

export interface EraseClientData {
  type: 'EraseClientData';
  clientId: string;
  reason: ClientErasureReason;
  note?: string;
  /** PERSONAL_DATA_RETENTION_DAYS: what `retention_period_ended` is judged by. */
  retentionDays: number;
  today: string;
}

export type ClientCommand =
  | RegisterClient
  | GiveConsent
  | WithdrawConsent
  | UpdateClientProfile
  | AssignCounselor
  | CloseCase
  | ReopenCase
  | EraseClientData;

/** The case as every context sees it (CaseState), plus what intake's own rules need. */
export interface ClientState extends CaseState {
  /** The center she was registered at: part of her name + birth date identity key. */
  registeredAtCenterId?: string;
  /** Her latest envelope (always her whole identity); what the handler opens. */
  personal?: string;
  /**
   * Her identity in clear, only from version 1 events (development databases written before
   * sealing); undefined once a version 2 event sealed it.
   */
  legacyIdentity?: ClientIdentityFields;
  birthYear?: number;
  /** The day her case was last closed (while closed): the retention period runs from it. */
  closedOn?: string;
  profile: Partial<ClientProfile>;
  /** Form version of each active consent. */
  consentVersions: Partial<Record<ConsentPurpose, string>>;
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
    throw new RuleViolation(
      'BIRTH_DATE_IMPLAUSIBLE',
      `생년월일이 올바르지 않습니다 (만 ${MIN_AGE}–${MAX_AGE}세만 등록할 수 있습니다).`,
      { age },
    );
  }
}

function requireExists(state: ClientState, clientId: string): void {
  if (!state.exists) throw new NotFound('구직자', clientId);
}

const profileOf = (source: Partial<ClientProfile>): Partial<ClientProfile> =>
  Object.fromEntries(PROFILE_FIELDS.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of `changes` that differ from her current record (names compared normalised). Her
 * identity comes opened by the handler (`identity`): the state holds only its envelope.
 * Exported for the handler, which seals and re-indexes her identity only when this says so.
 */
export function changedFields(
  state: Pick<ClientState, 'profile'>,
  identity: ClientIdentityFields | undefined,
  changes: ProfileChanges,
): ProfileChanges {
  const current: Record<string, unknown> = { ...identity, ...state.profile };
  const proposed: Record<string, unknown> = {
    ...changes,
    ...(changes.name !== undefined ? { name: normalisePersonName(changes.name) } : {}),
  };
  return Object.fromEntries(
    Object.entries(proposed).filter(([field, value]) => value !== undefined && !sameValue(current[field], value)),
  );
}

export const identityChanged = (changed: ProfileChanges): boolean =>
  IDENTITY_FIELDS.some((f) => changed[f] !== undefined);

/** Her whole identity once `changes` are applied to `current` (name normalised): what the handler seals. */
export function identityAfter(current: ClientIdentityFields, changes: ProfileChanges): ClientIdentityFields {
  return {
    name: normalisePersonName(changes.name ?? current.name),
    birthDate: changes.birthDate ?? current.birthDate,
    phone: changes.phone ?? current.phone,
  };
}

/** What a registration seals: her name normalised, as identity keys compare it. */
export const identityOf = (input: ClientIdentityFields): ClientIdentityFields => ({
  name: normalisePersonName(input.name),
  birthDate: input.birthDate,
  phone: input.phone,
});

export const birthYearOf = (birthDate: string): number => Number(birthDate.slice(0, 4));

export function initialClientState(): ClientState {
  return { ...initialCaseState(), profile: {}, consentVersions: {}, acknowledgedDuplicateOf: [] };
}

export function evolveClient(state: ClientState, event: IntakeEvent): ClientState {
  const next: ClientState = { ...state, ...evolveCase(state, event) };
  switch (event.type) {
    case 'ClientRegistered': {
      const data = event.data;
      const { centerId, acknowledgedDuplicateOf, birthYear } = data;
      // Version 2 carries her identity sealed; a lifted version 1 event still in clear.
      const identity =
        data.personal !== undefined
          ? { personal: data.personal }
          : { legacyIdentity: { name: data.name, birthDate: data.birthDate, phone: data.phone } };
      return {
        ...next,
        registeredAtCenterId: centerId,
        ...identity,
        birthYear,
        profile: profileOf(data),
        acknowledgedDuplicateOf: acknowledgedDuplicateOf ?? [],
      };
    }
    case 'ClientProfileUpdated': {
      const data = event.data;
      const { name, birthDate, phone, ...profile } = data.changes as ProfileChanges;
      let identity: Pick<ClientState, 'personal' | 'legacyIdentity'> = {
        personal: next.personal,
        legacyIdentity: next.legacyIdentity,
      };
      if (data.personal !== undefined) identity = { personal: data.personal, legacyIdentity: undefined };
      else if (next.legacyIdentity && (name !== undefined || birthDate !== undefined || phone !== undefined)) {
        identity.legacyIdentity = {
          ...next.legacyIdentity,
          ...(name !== undefined ? { name } : {}),
          ...(birthDate !== undefined ? { birthDate } : {}),
          ...(phone !== undefined ? { phone } : {}),
        };
      }
      return {
        ...next,
        ...identity,
        birthYear: data.birthYear ?? next.birthYear,
        profile: { ...next.profile, ...profileOf(profile) },
      };
    }
    case 'ConsentGiven':
      return { ...next, consentVersions: { ...next.consentVersions, [event.data.purpose]: event.data.version } };
    case 'ConsentWithdrawn': {
      const { [event.data.purpose]: _withdrawn, ...rest } = next.consentVersions;
      return { ...next, consentVersions: rest };
    }
    case 'CaseClosed':
      return { ...next, closedOn: event.data.closedOn };
    case 'CaseReopened':
      return { ...next, closedOn: undefined };
    case 'ClientDataErased':
      // Her clear identity, where a version 1 event left one, is not kept in the state either.
      return { ...next, legacyIdentity: undefined };
    default:
      return next;
  }
}

function requireSealed(personal: string | undefined): asserts personal is string {
  // The handler's duty, not a rule: an event must never carry her identity any other way.
  if (typeof personal !== 'string' || !personal.startsWith('pd1.'))
    throw new Error('her identity and its keyed hashes must come sealed by the vault (pd1 envelope)');
}

function register(command: RegisterClient, state: ClientState): IntakeEvent[] {
  if (state.exists) throw new RuleViolation('CLIENT_ALREADY_REGISTERED', '이미 등록된 구직자입니다.');
  requirePlausibleBirthDate(command.birthDate, command.today);
  if (command.registeredOn) {
    requireNotInFuture('registeredOn', command.registeredOn, command.today);
    // A late registration is still hers: it cannot be dated before she was born.
    requireInOrder('birthDate', command.birthDate, 'registeredOn', command.registeredOn);
  }
  requireSealed(command.personal);
  requireSealed(command.sealedKeys);
  const { clientId, centerId, counselorId, birthDate, personal, sealedKeys, allowDuplicateOf } = command;
  return [
    {
      type: 'ClientRegistered',
      data: {
        clientId,
        centerId,
        counselorId,
        personal,
        birthYear: birthYearOf(birthDate),
        sealedKeys,
        ...(allowDuplicateOf && allowDuplicateOf.length > 0
          ? { acknowledgedDuplicateOf: [...new Set(allowDuplicateOf)] }
          : {}),
        ...(profileOf(command) as ClientProfile),
      },
    },
  ];
}

/** Consents are hers to give and withdraw whatever the state of the case (closed included). */
function giveConsent(command: GiveConsent, state: ClientState): IntakeEvent[] {
  requireExists(state, command.clientId);
  requireNotErased(state);
  requireNotInFuture('givenOn', command.givenOn, command.today);
  if (state.consentVersions[command.purpose] === command.version) {
    throw new RuleViolation('CONSENT_ALREADY_GIVEN', `이미 같은 버전(${command.version})의 동의가 유효합니다.`, {
      purpose: command.purpose,
      version: command.version,
    });
  }
  const { clientId, purpose, version, givenOn } = command;
  return [{ type: 'ConsentGiven', data: { clientId, purpose, version, givenOn } }];
}

function withdrawConsent(command: WithdrawConsent, state: ClientState): IntakeEvent[] {
  requireExists(state, command.clientId);
  requireNotErased(state);
  requireNotInFuture('withdrawnOn', command.withdrawnOn, command.today);
  if (!state.consents.includes(command.purpose)) {
    throw new RuleViolation('CONSENT_NOT_GIVEN', '철회할 동의가 없습니다 (동의하지 않았거나 이미 철회했습니다).', {
      purpose: command.purpose,
    });
  }
  const { clientId, purpose, withdrawnOn } = command;
  return [{ type: 'ConsentWithdrawn', data: { clientId, purpose, withdrawnOn } }];
}

function updateProfile(command: UpdateClientProfile, state: ClientState): IntakeEvent[] {
  requireOpenCase(state, command.clientId, ['service']);
  const changes = changedFields(state, command.currentIdentity, command.changes);
  if (Object.keys(changes).length === 0) throw new RuleViolation('NOTHING_CHANGED', '바뀐 내용이 없습니다.');
  if (changes.birthDate !== undefined) requirePlausibleBirthDate(changes.birthDate, command.today);
  const { name: _name, birthDate, phone: _phone, ...profile } = changes;
  if (!identityChanged(changes))
    return [{ type: 'ClientProfileUpdated', data: { clientId: command.clientId, changes: profile } }];
  const sealed = command.sealedIdentity;
  requireSealed(sealed?.personal);
  requireSealed(sealed?.sealedKeys);
  const birthYear = birthDate !== undefined ? birthYearOf(birthDate) : undefined;
  return [
    {
      type: 'ClientProfileUpdated',
      data: {
        clientId: command.clientId,
        changes: profile,
        personal: sealed!.personal,
        ...(birthYear !== undefined && birthYear !== state.birthYear ? { birthYear } : {}),
        sealedKeys: sealed!.sealedKeys,
      },
    },
  ];
}

function assignCounselor(command: AssignCounselor, state: ClientState): IntakeEvent[] {
  requireOpenCase(state, command.clientId, []);
  if (state.centerId === command.centerId && state.counselorId === command.counselorId) {
    throw new RuleViolation('SAME_ASSIGNMENT', '이미 이 센터의 이 상담사가 담당하고 있습니다.', {
      centerId: command.centerId,
      counselorId: command.counselorId,
    });
  }
  const { clientId, centerId, counselorId, reason } = command;
  return [
    {
      type: 'CounselorAssigned',
      data: {
        clientId,
        fromCenterId: state.centerId,
        fromCounselorId: state.counselorId,
        centerId,
        counselorId,
        ...(reason ? { reason } : {}),
      },
    },
  ];
}

function closeCase(command: CloseCase, state: ClientState): IntakeEvent[] {
  requireExists(state, command.clientId);
  requireNotErased(state);
  if (state.closed) throw new RuleViolation('CASE_ALREADY_CLOSED', '이미 종결된 사례입니다.');
  requireNotInFuture('closedOn', command.closedOn, command.today);
  const { clientId, reason, closedOn } = command;
  return [{ type: 'CaseClosed', data: { clientId, reason: reason.trim(), closedOn } }];
}

function reopenCase(command: ReopenCase, state: ClientState): IntakeEvent[] {
  requireExists(state, command.clientId);
  requireNotErased(state);
  if (!state.closed) throw new RuleViolation('CASE_NOT_CLOSED', '종결되지 않은 사례는 재개할 수 없습니다.');
  requireNotInFuture('reopenedOn', command.reopenedOn, command.today);
  const { clientId, reason, reopenedOn } = command;
  return [{ type: 'CaseReopened', data: { clientId, reason: reason.trim(), reopenedOn } }];
}

/**
 * Erasing her personal data: allowed whatever the state of her case (closed included). Erasing an
 * erased client is refused here; the handler answers a repeated erasure with the first one.
 */
/** The last day her data is kept after her case was closed on `closedOn`; erased from the day after. */
export const retentionEndsOn = (closedOn: string, retentionDays: number): string => addDays(closedOn, retentionDays);

/** Whether her case has been closed for longer than the retention period, today. */
export function retentionPeriodEnded(
  state: Pick<ClientState, 'closed' | 'closedOn'>,
  today: string,
  retentionDays: number,
): boolean {
  return state.closed && state.closedOn !== undefined && today > retentionEndsOn(state.closedOn, retentionDays);
}

function eraseClientData(command: EraseClientData, state: ClientState): IntakeEvent[] {
  requireExists(state, command.clientId);
  if (state.erased) throw new ClientDataErasedRule();
  if (
    command.reason === 'retention_period_ended' &&
    !retentionPeriodEnded(state, command.today, command.retentionDays)
  ) {
    throw new RuleViolation(
      'RETENTION_PERIOD_NOT_ENDED',
      '사례 종결 후 보유기간이 지나지 않았습니다. 본인 요청에 의한 파기는 reason을 client_request로 하세요.',
      {
        closedOn: state.closed ? (state.closedOn ?? null) : null,
        retentionEndsOn: state.closed && state.closedOn ? retentionEndsOn(state.closedOn, command.retentionDays) : null,
      },
    );
  }
  const { clientId, reason, today } = command;
  const note = command.note?.trim();
  return [{ type: 'ClientDataErased', data: { clientId, reason, erasedOn: today, ...(note ? { note } : {}) } }];
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
      case 'EraseClientData':
        return eraseClientData(command, state);
    }
  },
};
