import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { components } from '../../api/schema';
import { CURRENT_CONSENT_FORM, type ConsentPurpose } from './terms';

type RegisterBody = components['schemas']['RegisterClientDto'];

/** A refusal with the rule's facts (DUPLICATE_CLIENT names the existing clients of her center). */
export class IntakeRefused extends ApiError {
  constructor(
    base: ApiError,
    readonly details: Record<string, unknown>,
  ) {
    super(base.status, base.code, base.message, base.fields);
  }
}

/** The intake form's values: the API's field names, so its field errors land on the right field. */
export interface IntakeValues {
  name: string;
  birthDate: Dayjs;
  phone: string;
  region: RegisterBody['region'];
  counselorId: string;
  registeredOn?: Dayjs;
  careerBreakReason?: RegisterBody['careerBreakReason'];
  careerBreakYears?: number;
  education?: RegisterBody['education'];
  lastOccupation?: string;
  experienceYears?: number;
  desiredOccupation?: string;
  desiredEmploymentType?: RegisterBody['desiredEmploymentType'];
  desiredHoursPerWeek?: number;
  desiredMonthlyWage?: number;
  certifications?: string[];
  childcareNeeds?: string;
  consents?: ConsentPurpose[];
  consentVersion?: string;
  /** After a same-center duplicate answer: the clients she confirmed to be another person. */
  allowDuplicateOf?: string[];
}

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

export function registrationBody(values: IntakeValues, centerId: string) {
  return {
    name: values.name.trim(),
    birthDate: day(values.birthDate)!,
    phone: values.phone.trim(),
    centerId,
    counselorId: values.counselorId.trim(),
    region: values.region,
    registeredOn: day(values.registeredOn),
    careerBreakReason: values.careerBreakReason,
    careerBreakYears: values.careerBreakYears ?? undefined,
    education: values.education,
    lastOccupation: text(values.lastOccupation),
    experienceYears: values.experienceYears ?? undefined,
    desiredOccupation: text(values.desiredOccupation),
    desiredEmploymentType: values.desiredEmploymentType,
    desiredHoursPerWeek: values.desiredHoursPerWeek ?? undefined,
    desiredMonthlyWage: values.desiredMonthlyWage ?? undefined,
    certifications: values.certifications?.length ? values.certifications : undefined,
    childcareNeeds: text(values.childcareNeeds),
    allowDuplicateOf: values.allowDuplicateOf?.length ? values.allowDuplicateOf : undefined,
  } satisfies RegisterBody;
}

/**
 * 구직 등록, then the consents she signed. One Idempotency-Key for the whole attempt: the
 * registration uses it and each consent a key derived from it, so pressing 등록 again after a
 * dropped connection answers what was already recorded instead of registering her twice.
 */
export async function registerClient(
  values: IntakeValues,
  centerId: string,
  idempotencyKey: string,
): Promise<{ clientId: string; position: number }> {
  const result = await api.POST('/clients', {
    body: registrationBody(values, centerId),
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  let registered: { clientId: string; position: number };
  try {
    registered = unwrap(result);
  } catch (error) {
    if (error instanceof ApiError)
      throw new IntakeRefused(
        error,
        (result.error as { error?: { details?: Record<string, unknown> } } | undefined)?.error?.details ?? {},
      );
    throw error;
  }
  let position = registered.position;
  const givenOn = day(values.registeredOn) ?? new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
  for (const purpose of values.consents ?? []) {
    const consent = unwrap(
      await api.POST('/clients/{clientId}/consents', {
        params: { path: { clientId: registered.clientId } },
        body: { purpose, version: values.consentVersion?.trim() || CURRENT_CONSENT_FORM, givenOn },
        headers: { 'Idempotency-Key': `${idempotencyKey}:consent:${purpose}` },
      }),
    );
    position = Math.max(position, consent.position);
  }
  return { clientId: registered.clientId, position };
}
