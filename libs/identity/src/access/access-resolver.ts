import { Injectable, Optional } from '@nestjs/common';
import { NotFound, RuleViolation } from '@saeil/core';
import type { Principal } from '../principal/principal';
import { answersFor, CenterRegions, centerIdsOf, coversCenter, coversLevel, RequestAccess, scopeOf } from './access-scope';
import { RECORD_KINDS, RecordCenters, RecordKind } from './record-scope';

const RECORD_ID = /^[\w-]{1,100}$/;
const REFERENCE_LABELS: Record<string, string> = { center: '센터', retentionProgram: '사후관리 프로그램' };

/** Ids one reference may name (a list: a group session's attendees); more is left to validation. */
const MAX_IDS = 1000;

/**
 * A principal's reach, and the check that the records a request names are within it: one place
 * for both doors (the HTTP guard and the Kafka command topic's authorizer).
 */
@Injectable()
export class AccessResolver {
  constructor(
    private readonly records: RecordCenters,
    @Optional() private readonly regions?: CenterRegions,
  ) {}

  accessOf(principal: Principal): RequestAccess {
    const scope = scopeOf(principal);
    return {
      principal,
      actorId: principal.accountId,
      scope,
      coversCenter: (centerId) => coversCenter(scope, centerId, this.regions),
      coversLevel: (level, id) => coversLevel(scope, level, id, this.regions),
      answersFor: (level, id) => answersFor(principal, level, id),
      centerIds: () => centerIdsOf(scope, this.regions),
      requireReference: (reference, value) => this.requireReference(reference, value, (centerId) => coversCenter(scope, centerId, this.regions)),
    };
  }

  /**
   * A command's reference (CommandDefinition.references): a center must be listed in the centers
   * directory (a case moved to a center nobody works at vanished for everyone); a retention program
   * must exist and be of a center she reaches. Otherwise 422 REFERENCE_NOT_FOUND naming the field,
   * the same for "does not exist" and "not yours".
   */
  private async requireReference(reference: { kind: string; field: string }, value: unknown, reaches: (centerId: string) => boolean): Promise<void> {
    const refused = () =>
      new RuleViolation('REFERENCE_NOT_FOUND', `${reference.field}: ${REFERENCE_LABELS[reference.kind] ?? reference.kind} ${String(value)}을(를) 찾을 수 없습니다.`, { field: reference.field, kind: reference.kind });
    if (typeof value !== 'string') throw refused();
    switch (reference.kind) {
      case 'center':
        if (!this.regions?.isListed(value)) throw refused();
        return;
      case 'retentionProgram': {
        const centerId = RECORD_ID.test(value) ? await this.records.centerOf('retentionProgram', value) : undefined;
        if (centerId === undefined || !reaches(centerId)) throw refused();
        return;
      }
      default:
        // a kind nobody checks is refused (fails closed), never passed on
        throw refused();
    }
  }

  /**
   * Every id a reference names must be a record of a center she reaches: a record of another
   * center is a NotFound, exactly as a missing one. Values not shaped like an id, and unknown
   * records, are left to validation and the handler.
   * `enrolledInCourse`: for a woman, the course the request names when her enrollment in it also
   * brings her within reach (see `ScopedRecordRef.enrolledIn`): the course must be within reach
   * and she must have been enrolled in it.
   */
  async requireRecords(access: RequestAccess, kind: RecordKind, raw: unknown, enrolledInCourse?: unknown): Promise<void> {
    const values = Array.isArray(raw) ? raw.slice(0, MAX_IDS) : [raw];
    for (const id of values) {
      if (typeof id !== 'string' || !RECORD_ID.test(id)) continue;
      const centerId = await this.records.centerOf(kind, id);
      if (centerId === undefined || access.coversCenter(centerId)) continue;
      if (kind === 'client' && (await this.reachedThroughCourse(access, id, enrolledInCourse))) continue;
      throw new NotFound(RECORD_KINDS[kind].label, id);
    }
  }

  private async reachedThroughCourse(access: RequestAccess, clientId: string, courseId: unknown): Promise<boolean> {
    if (typeof courseId !== 'string' || !RECORD_ID.test(courseId)) return false;
    const courseCenter = await this.records.centerOf('course', courseId);
    return courseCenter !== undefined && access.coversCenter(courseCenter) && (await this.records.isEnrolled(courseId, clientId));
  }
}
