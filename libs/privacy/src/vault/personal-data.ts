/** Why her key was destroyed. */
export type ErasureReason = 'client_request' | 'retention_period_ended';
export const ERASURE_REASONS: readonly ErasureReason[] = ['client_request', 'retention_period_ended'];

/**
 * What reading an erased client's sealed data gives: a value, not an exception, so a projection
 * or an export carries on and shows her as erased while every count stays as it was.
 */
export interface ErasedPersonalData {
  status: 'erased';
  clientId: string;
  erasedAt: Date;
  reason: ErasureReason;
}

export interface OpenedPersonalData<T> {
  status: 'open';
  fields: T;
}

export type PersonalDataResult<T> = OpenedPersonalData<T> | ErasedPersonalData;

/** The record an erasure leaves (it names no personal data: the client id is a random id). */
export interface ErasureRecord {
  clientId: string;
  keyId: string;
  erasedAt: Date;
  reason: ErasureReason;
  erasedBy: string;
  /** True when she had already been erased: nothing changed, the first record stands. */
  alreadyErased: boolean;
}

export interface RewrapReport {
  /** Data keys now wrapped by the current master key that were under a retired one. */
  rewrapped: number;
  /**
   * Data keys this run could not re-wrap, by client: MASTER_KEY_UNKNOWN (configure that master key
   * in PRIVACY_RETIRED_MASTER_KEYS and run again) or WRAPPED_KEY_TAMPERED (an integrity fault).
   */
  skipped: { clientId: string; masterKeyId: string; code: string }[];
  /** Data keys still under another master key than the current one after this run. */
  remaining: number;
}
