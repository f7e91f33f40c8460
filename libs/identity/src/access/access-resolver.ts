import { Injectable, Optional } from '@nestjs/common';
import { NotFound } from '@saeil/core';
import type { Principal } from '../principal/principal';
import { answersFor, CenterRegions, centerIdsOf, coversCenter, coversLevel, RequestAccess, scopeOf } from './access-scope';
import { RECORD_KINDS, RecordCenters, RecordKind } from './record-scope';

const RECORD_ID = /^[\w-]{1,100}$/;
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
    };
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
