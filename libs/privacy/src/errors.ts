import { RuleViolation } from '@saeil/core';

/** Why a sealed value could not be read although her key was not erased. */
export type UnreadableReason =
  /** Not an envelope this version knows (wrong prefix, missing part, bad base64). */
  | 'ENVELOPE_MALFORMED'
  /** The envelope names another data key than hers (copied from another client, or from a key that never committed). */
  | 'ENVELOPE_KEY_MISMATCH'
  /** The authentication tag did not verify: ciphertext, iv, tag or the client it is bound to was changed. */
  | 'ENVELOPE_TAMPERED'
  /** Her data key is wrapped by a master key that is not configured (a rotation's old key was removed too early). */
  | 'MASTER_KEY_UNKNOWN'
  /** The wrapped data key did not verify under its master key (a changed row, or a master key of the same id that is not the one). */
  | 'WRAPPED_KEY_TAMPERED'
  /** She has no data key and no erasure record: nothing was ever sealed for her that committed. */
  | 'DATA_KEY_MISSING';

/**
 * A sealed value that cannot be read for a reason other than erasure: an integrity or
 * configuration fault, never a normal state. A projection that meets one retries and then
 * dead-letters the event; it is not the result an erased client gives (that is ErasedPersonalData).
 */
export class PersonalDataUnreadable extends Error {
  constructor(
    readonly code: UnreadableReason,
    message: string,
  ) {
    super(message);
    this.name = 'PersonalDataUnreadable';
  }
}

/** Sealing new personal data for a client whose key was destroyed: refused (422), nothing is written. */
export class PersonalDataErasedRule extends RuleViolation {
  constructor(clientId: string) {
    super('PERSONAL_DATA_ERASED', `이 내담자의 개인정보는 파기되었습니다: 새 개인정보를 기록할 수 없습니다.`, {
      clientId,
    });
  }
}
