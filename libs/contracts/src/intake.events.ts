/**
 * Public event contracts of the intake context (topic `saeil.intake.events.v1`).
 * Payloads are versioned: a change that is not purely additive gets a new schema version and
 * an upcaster (libs/event-store/src/upcasters.ts), and old events are never rewritten.
 *
 * Her identifying data (name, birth date, phone) is never in clear in a version 2 event: it travels
 * as `personal`, an envelope sealed with her own data key (docs/PRIVACY.md), unreadable for good
 * once she is erased (ClientDataErased). Birth year, center, region and profile stay clear: the
 * statistics count them.
 *
 * The client stream (`client-<clientId>`) is the case: registration, consents, profile,
 * counselor assignment, closing and reopening. Other contexts read it to check their rules
 * (no placement on a closed case, no processing without consent).
 */
import { EventContract, s } from './contract';

export const INTAKE_CONTEXT = 'intake';

export const clientStreamId = (clientId: string): string => `client-${clientId}`;

export const CAREER_BREAK_REASONS = ['marriage', 'pregnancy_childbirth', 'childcare', 'family_care', 'other'] as const;
export type CareerBreakReason = (typeof CAREER_BREAK_REASONS)[number];

export const EMPLOYMENT_TYPES = ['regular', 'contract', 'part_time', 'any'] as const;
export type DesiredEmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const EDUCATION_LEVELS = ['middle_school', 'high_school', 'college', 'university', 'graduate', 'other'] as const;

/**
 * 동의 목적. `service`: 개인정보 수집·이용 — needed for any counseling, training, internship or
 * placement record. `employer_sharing`: 제3자 제공 — needed before her data goes to an employer
 * (a placement via the center, an internship). `marketing`: optional notices.
 */
export const CONSENT_PURPOSES = ['service', 'employer_sharing', 'marketing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The 17 시·도 by their current official names (a client's `region` is one of them). */
export const KOREAN_REGIONS = [
  '서울특별시',
  '부산광역시',
  '대구광역시',
  '인천광역시',
  '광주광역시',
  '대전광역시',
  '울산광역시',
  '세종특별자치시',
  '경기도',
  '강원특별자치도',
  '충청북도',
  '충청남도',
  '전북특별자치도',
  '전라남도',
  '경상북도',
  '경상남도',
  '제주특별자치도',
] as const;

export interface ClientProfile {
  /** 시·도, e.g. '전라남도'. */
  region: string;
  education?: (typeof EDUCATION_LEVELS)[number];
  careerBreakReason?: CareerBreakReason;
  careerBreakYears?: number;
  lastOccupation?: string;
  experienceYears?: number;
  desiredOccupation?: string;
  desiredEmploymentType?: DesiredEmploymentType;
  desiredHoursPerWeek?: number;
  desiredMonthlyWage?: number;
  certifications?: string[];
  childcareNeeds?: string;
}

export interface ClientRegisteredV1 extends ClientProfile {
  clientId: string;
  centerId: string;
  counselorId: string;
  name: string;
  /** ISO date (YYYY-MM-DD). */
  birthDate: string;
  phone: string;
  /**
   * Keyed hashes (HMAC) of identifying combinations, for duplicate detection and search without
   * reading plaintext: birth date + phone, name + birth date + center.
   */
  identityKeys: string[];
  /**
   * Clients she matched on an identity key whom the counselor confirmed to be other people
   * (registered anyway); the keys they hold stay theirs.
   */
  acknowledgedDuplicateOf?: string[];
}

/** Her identifying fields: sealed together into one envelope (`personal`) in version 2 events. */
export interface ClientIdentityFields {
  /** Trimmed, inner whitespace collapsed. */
  name: string;
  /** ISO date (YYYY-MM-DD). */
  birthDate: string;
  phone: string;
}

/**
 * ClientRegistered schema version 2: her name, birth date and phone only sealed (`personal`), her
 * birth year in clear.
 */
export interface ClientRegisteredV2 extends ClientProfile {
  clientId: string;
  centerId: string;
  counselorId: string;
  /**
   * `pd1.<kid>.<iv>.<ciphertext>.<tag>`: the JSON of ClientIdentityFields sealed (AES-256-GCM) with
   * her data key. Only Saeil's vault opens it, and nobody once she has been erased.
   */
  personal: string;
  /** Year of birth, in clear (age bands). */
  birthYear: number;
  /** Keyed hashes (HMAC) of identifying combinations, for duplicate detection (as in version 1). */
  identityKeys: string[];
  /** Keyed hashes of her name alone and of her phone's digits alone: exact-match search without plaintext. */
  searchKeys: string[];
  acknowledgedDuplicateOf?: string[];
}

/** Her keyed hashes, as sealed in `sealedKeys` (version 3): what duplicate detection and search index. */
export interface ClientIndexKeys {
  /** Keyed hashes (HMAC) of birth date + phone and name + birth date + center. */
  identityKeys: string[];
  /** Keyed hashes of her name alone and of her phone's digits alone. */
  searchKeys: string[];
}

/**
 * ClientRegistered schema version 3: as version 2, but her keyed hashes are sealed with her data
 * key too (`sealedKeys`, the JSON of ClientIndexKeys), never in clear: once she is erased, nothing
 * in the event can be matched against a guess of her name, phone or birth date. The searchable
 * index is a write-side table (`client_identity_keys`, `client_search_keys`) her erasure deletes
 * her rows from.
 */
export interface ClientRegisteredV3 extends Omit<ClientRegisteredV2, 'identityKeys' | 'searchKeys'> {
  sealedKeys: string;
  identityKeys?: undefined;
  searchKeys?: undefined;
}

/**
 * A version 1 registration as readers get it (the v1→v2 upcaster adds `birthYear`; being pure it
 * cannot seal, so her identity stays in clear). Version 1 events exist only in development
 * databases written before sealing; readers accept both shapes (`personal` present or not).
 */
export type ClientRegisteredV1Lifted = ClientRegisteredV1 & {
  birthYear: number;
  personal?: undefined;
  searchKeys?: undefined;
};

export interface ConsentGivenV1 {
  clientId: string;
  purpose: ConsentPurpose;
  /** Version of the consent form she signed. */
  version: string;
  givenOn: string;
}

export interface ConsentWithdrawnV1 {
  clientId: string;
  purpose: ConsentPurpose;
  withdrawnOn: string;
}

export interface ClientProfileUpdatedV1 {
  clientId: string;
  /** Only the fields that changed. */
  changes: Partial<ClientProfile & { name: string; birthDate: string; phone: string }>;
  /** Recomputed when name, birth date or phone changed. */
  identityKeys?: string[];
}

/**
 * ClientProfileUpdated schema version 2: `changes` never holds her name, birth date or phone.
 * When one of them changes, `personal` is the envelope of her whole identity after the change (so
 * the latest envelope of her stream is always complete), with her new identity and search keys,
 * and `birthYear` when the year changed.
 */
export interface ClientProfileUpdatedV2 {
  clientId: string;
  /** Only the profile fields that changed (possibly none, when only her identity changed). */
  changes: Partial<ClientProfile>;
  personal?: string;
  birthYear?: number;
  identityKeys?: string[];
  searchKeys?: string[];
}

/** A version 1 profile change as readers get it: identity changes in clear (development databases only). */
/** ClientProfileUpdated schema version 3: a changed identity's keyed hashes come sealed (`sealedKeys`), never in clear. */
export interface ClientProfileUpdatedV3 extends Omit<ClientProfileUpdatedV2, 'identityKeys' | 'searchKeys'> {
  sealedKeys?: string;
  identityKeys?: undefined;
  searchKeys?: undefined;
}

export type ClientProfileUpdatedV1Lifted = ClientProfileUpdatedV1 & {
  birthYear?: number;
  personal?: undefined;
  searchKeys?: undefined;
};

export interface CounselorAssignedV1 {
  clientId: string;
  fromCenterId: string;
  fromCounselorId: string;
  centerId: string;
  counselorId: string;
  reason?: string;
}

export interface CaseClosedV1 {
  clientId: string;
  reason: string;
  closedOn: string;
}

export interface CaseReopenedV1 {
  clientId: string;
  reason: string;
  reopenedOn: string;
}

/** Why her personal data was erased: at her request, or because her case was closed longer than the retention period. */
export const CLIENT_ERASURE_REASONS = ['client_request', 'retention_period_ended'] as const;
export type ClientErasureReason = (typeof CLIENT_ERASURE_REASONS)[number];

/**
 * 개인정보 파기: her data key was destroyed in the same transaction, so every `personal` envelope of
 * hers (store, topics, read models) is unreadable from now on. Her clear fields (center, dates,
 * outcomes) stay: statistics do not change. No intake command is accepted on her case afterwards.
 */
export interface ClientDataErasedV1 {
  clientId: string;
  reason: ClientErasureReason;
  /** The day of the erasure (Korean calendar). */
  erasedOn: string;
  /** The supervisor's note: stays in clear after the erasure, so it must not name her. */
  note?: string;
}

export type ClientRegistered = {
  type: 'ClientRegistered';
  data: ClientRegisteredV3 | ClientRegisteredV2 | ClientRegisteredV1Lifted;
};
export type ConsentGiven = { type: 'ConsentGiven'; data: ConsentGivenV1 };
export type ConsentWithdrawn = { type: 'ConsentWithdrawn'; data: ConsentWithdrawnV1 };
export type ClientProfileUpdated = {
  type: 'ClientProfileUpdated';
  data: ClientProfileUpdatedV3 | ClientProfileUpdatedV2 | ClientProfileUpdatedV1Lifted;
};
export type CounselorAssigned = { type: 'CounselorAssigned'; data: CounselorAssignedV1 };
export type CaseClosed = { type: 'CaseClosed'; data: CaseClosedV1 };
export type CaseReopened = { type: 'CaseReopened'; data: CaseReopenedV1 };
export type ClientDataErased = { type: 'ClientDataErased'; data: ClientDataErasedV1 };

export type IntakeEvent =
  | ClientRegistered
  | ConsentGiven
  | ConsentWithdrawn
  | ClientProfileUpdated
  | CounselorAssigned
  | CaseClosed
  | CaseReopened
  | ClientDataErased;

export const INTAKE_EVENT_TYPES = [
  'ClientRegistered',
  'ConsentGiven',
  'ConsentWithdrawn',
  'ClientProfileUpdated',
  'CounselorAssigned',
  'CaseClosed',
  'CaseReopened',
  'ClientDataErased',
] as const satisfies readonly IntakeEvent['type'][];

const profileSchema = {
  region: s.string('시·도, by its official name (KOREAN_REGIONS)'),
  education: s.enum(EDUCATION_LEVELS),
  careerBreakReason: s.enum(CAREER_BREAK_REASONS, '경력단절 사유'),
  careerBreakYears: s.number('경력단절 기간 (years)', { minimum: 0 }),
  lastOccupation: s.string(),
  experienceYears: s.number('years of experience in the last occupation', { minimum: 0 }),
  desiredOccupation: s.string(),
  desiredEmploymentType: s.enum(EMPLOYMENT_TYPES, '희망 고용형태'),
  desiredHoursPerWeek: s.number(undefined, { minimum: 0 }),
  desiredMonthlyWage: s.integer('KRW', { minimum: 0 }),
  certifications: s.array(s.string()),
  childcareNeeds: s.string(),
};
const optionalProfile = Object.keys(profileSchema).filter((k) => k !== 'region');
const sealed = s.sealed('her name, birth date and phone');
const birthYear = s.integer('year of birth, in clear (age bands)', { minimum: 1900, maximum: 2100 });
const sealedKeys = s.sealed(
  'her keyed hashes for duplicate detection and search, as {"identityKeys": […], "searchKeys": […]}',
);
const consentPurpose = s.enum(CONSENT_PURPOSES, 'service | employer_sharing | marketing');

export const INTAKE_CONTRACTS: EventContract[] = [
  {
    type: 'ClientRegistered',
    context: INTAKE_CONTEXT,
    version: 3,
    summary:
      '구직등록 — a client was registered at a center and assigned a counselor (her identity and its keyed hashes sealed)',
    payload: s.object(
      {
        clientId: s.uuid(),
        centerId: s.string('center that registered her'),
        counselorId: s.string('counselor in charge'),
        personal: sealed,
        birthYear,
        sealedKeys,
        acknowledgedDuplicateOf: s.array(
          s.uuid(),
          'clients she matched whom the counselor confirmed to be other people',
        ),
        ...profileSchema,
      },
      [...optionalProfile, 'acknowledgedDuplicateOf'],
    ),
  },
  {
    type: 'ConsentGiven',
    context: INTAKE_CONTEXT,
    version: 1,
    summary: '개인정보 동의 — she consented to a purpose (form version, date)',
    payload: s.object({ clientId: s.uuid(), purpose: consentPurpose, version: s.string(), givenOn: s.date() }),
  },
  {
    type: 'ConsentWithdrawn',
    context: INTAKE_CONTEXT,
    version: 1,
    summary: '동의 철회 — she withdrew a consent; processing that needs it is refused from now on',
    payload: s.object({ clientId: s.uuid(), purpose: consentPurpose, withdrawnOn: s.date() }),
  },
  {
    type: 'ClientProfileUpdated',
    context: INTAKE_CONTEXT,
    version: 3,
    summary: '프로필 수정 — profile fields changed (a changed identity comes sealed, whole)',
    payload: s.object(
      {
        clientId: s.uuid(),
        changes: s.object(
          profileSchema,
          ['region', ...optionalProfile],
          'the profile fields that changed; never her name, birth date or phone',
        ),
        personal: sealed,
        birthYear,
        sealedKeys,
      },
      ['personal', 'birthYear', 'sealedKeys'],
    ),
  },
  {
    type: 'CounselorAssigned',
    context: INTAKE_CONTEXT,
    version: 1,
    summary: '담당자 배정/이관 — the case moved to another counselor, possibly at another center',
    payload: s.object(
      {
        clientId: s.uuid(),
        fromCenterId: s.string(),
        fromCounselorId: s.string(),
        centerId: s.string(),
        counselorId: s.string(),
        reason: s.string(),
      },
      ['reason'],
    ),
  },
  {
    type: 'CaseClosed',
    context: INTAKE_CONTEXT,
    version: 1,
    summary: '사례 종결 — the case was closed with a reason',
    payload: s.object({ clientId: s.uuid(), reason: s.string(undefined, { minLength: 1 }), closedOn: s.date() }),
  },
  {
    type: 'CaseReopened',
    context: INTAKE_CONTEXT,
    version: 1,
    summary: '사례 재개 — a closed case was reopened with a reason',
    payload: s.object({ clientId: s.uuid(), reason: s.string(undefined, { minLength: 1 }), reopenedOn: s.date() }),
  },
  {
    type: 'ClientDataErased',
    context: INTAKE_CONTEXT,
    version: 1,
    summary: '개인정보 파기 — her data key was destroyed: her sealed identity is unreadable everywhere; counts stay',
    payload: s.object(
      {
        clientId: s.uuid(),
        reason: s.enum(CLIENT_ERASURE_REASONS, 'client_request | retention_period_ended'),
        erasedOn: s.date(),
        note: s.string("the supervisor's note (never her personal data: it stays in clear)", { minLength: 1 }),
      },
      ['note'],
    ),
  },
];
