import { Inject, Injectable, Optional } from '@nestjs/common';
import { canonicalIdProblem, isUuid, NotFound, RuleViolation, ValidationFailed } from '@saeil/core';
import { AccountCache } from '../accounts/account-cache';
import { CASE_WORKERS, type Role } from '../domain/roles';
import type { Principal } from '../principal/principal';
import {
  answersFor,
  CenterRegions,
  centerIdsOf,
  CheckedReference,
  coversCenter,
  coversLevel,
  RequestAccess,
  scopeOf,
} from './access-scope';
import { RECORD_KINDS, RecordCenters, RecordKind } from './record-scope';

const REFERENCE_LABELS: Record<string, string> = {
  center: '센터',
  retentionProgram: '사후관리 프로그램',
  employer: '구인업체',
  agreement: '협약',
  course: '직업교육훈련 과정',
  counselor: '상담사',
};

/** Ids one reference may name (a list: a group session's attendees); more is refused. */
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
    // The guard's cache: the same account rows, answered from memory while every change is heard.
    @Optional() @Inject(AccountCache) private readonly accounts?: Pick<AccountCache, 'findById'>,
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
      requireReference: (reference, value, dto) =>
        this.requireReference(reference, value, (centerId) => coversCenter(scope, centerId, this.regions), dto),
    };
  }

  /**
   * A command's reference (CommandDefinition.references): a center must be listed in the centers
   * directory (a case moved to a center nobody works at vanished for everyone); a retention
   * program, an agreement or a course must exist and be of a center she reaches; an employer must
   * be registered (any center's); a counselor (one id or a list) must be an enabled account that
   * carries cases (a counselor, or a supervisor: both may act on a case) of the center `within`
   * names. Otherwise 422 REFERENCE_NOT_FOUND naming the field and kind, the same for "does not
   * exist" and "not yours".
   */
  private async requireReference(
    reference: CheckedReference,
    value: unknown,
    reaches: (centerId: string) => boolean,
    dto?: object,
  ): Promise<void> {
    const refused = (named: unknown = value) =>
      new RuleViolation(
        'REFERENCE_NOT_FOUND',
        `${reference.field}: ${REFERENCE_LABELS[reference.kind] ?? reference.kind} ${String(named)}을(를) 찾을 수 없습니다.`,
        { field: reference.field, kind: reference.kind },
      );
    if (reference.kind === 'counselor') {
      const centerId = await this.centerWithin(reference, dto);
      for (const id of Array.isArray(value) ? value : [value])
        if (centerId === undefined || !(await this.carriesCasesAt(id, centerId))) throw refused(id);
      return;
    }
    if (typeof value !== 'string') throw refused();
    switch (reference.kind) {
      case 'center':
        if (!this.regions?.isListed(value)) throw refused();
        return;
      case 'retentionProgram':
      case 'agreement':
      case 'course': {
        const centerId = isUuid(value) ? await this.records.centerOf(reference.kind, value) : undefined;
        if (centerId === undefined || !reaches(centerId)) throw refused();
        return;
      }
      case 'employer':
        // One employer per business registration number nationwide (its id is derived from it), so
        // no center can register its own copy: any registered employer is usable by every center.
        if (!isUuid(value) || (await this.records.centerOf('employer', value)) === undefined) throw refused();
        return;
      default:
        // a kind nobody checks is refused (fails closed), never passed on
        throw refused();
    }
  }

  /** The center a counselor reference must be of: the DTO's center field, or her case's center. */
  private async centerWithin(reference: CheckedReference, dto: object | undefined): Promise<string | undefined> {
    const fields = (dto ?? {}) as Record<string, unknown>;
    if (!reference.within) return undefined;
    if ('centerField' in reference.within) {
      const centerId = fields[reference.within.centerField];
      return typeof centerId === 'string' ? centerId : undefined;
    }
    const clientId = fields[reference.within.clientField];
    return isUuid(clientId) ? this.records.centerOf('client', clientId) : undefined;
  }

  /** An enabled account of the center that may carry a woman's case (the roles that act on cases). */
  private async carriesCasesAt(accountId: unknown, centerId: string): Promise<boolean> {
    if (!isUuid(accountId) || !this.accounts) return false;
    const account = await this.accounts.findById(accountId);
    return (
      account !== undefined &&
      !account.disabledAt &&
      (CASE_WORKERS as readonly Role[]).includes(account.role) &&
      account.centerId === centerId
    );
  }

  /**
   * Every id a reference names must be a record of a center she reaches, and this check fails
   * closed: an id not in its canonical form (a lower-case UUID: `canonicalIdProblem`) is a 400 on
   * `field` whoever's record it would name (on a command route, where the command's DTO validation
   * follows and refuses it with the other bad fields, `leave-to-validation` lets it do so); a record this cannot resolve to a center (it does not
   * exist, or holds no center) is a NotFound, exactly as a record of another center is. Nothing
   * unresolved is passed on to the handler. An absent value (undefined or null) names nothing and
   * is left to validation, which decides whether the field is required.
   * `enrolledInCourse`: for a woman, the course the request names when her enrollment in it also
   * brings her within reach (see `ScopedRecordRef.enrolledIn`): the course must be within reach
   * and she must have been enrolled in it.
   */
  async requireRecords(
    access: RequestAccess,
    kind: RecordKind,
    raw: unknown,
    enrolledInCourse?: unknown,
    field: string = kind,
    options: { malformed: 'refuse' | 'leave-to-validation' } = { malformed: 'refuse' },
  ): Promise<void> {
    if (raw === undefined || raw === null) return;
    const values = Array.isArray(raw) ? raw : [raw];
    const malformed =
      values.length > MAX_IDS
        ? { field, code: 'arrayMaxSize', message: `${field} must name at most ${MAX_IDS} records` }
        : canonicalIdProblem(field, values, 'uuid');
    if (malformed) {
      // A command's DTO refuses it next, with every other bad field (and `IsRecordId` on each record field is checked by a spec): nothing is looked up, nothing passed on.
      if (options.malformed === 'leave-to-validation') return;
      throw new ValidationFailed([malformed]);
    }
    for (const id of values as string[]) {
      const centerId = await this.records.centerOf(kind, id);
      if (centerId !== undefined && access.coversCenter(centerId)) continue;
      if (kind === 'client' && (await this.reachedThroughCourse(access, id, enrolledInCourse))) continue;
      throw new NotFound(RECORD_KINDS[kind].label, id);
    }
  }

  private async reachedThroughCourse(access: RequestAccess, clientId: string, courseId: unknown): Promise<boolean> {
    if (!isUuid(courseId)) return false;
    const courseCenter = await this.records.centerOf('course', courseId);
    return (
      courseCenter !== undefined &&
      access.coversCenter(courseCenter) &&
      (await this.records.isEnrolled(courseId, clientId))
    );
  }
}
