import { NotFound } from '@saeil/core';
import type { Principal } from '../principal/principal';

/**
 * Whose data a principal may reach, from her role: a counselor and a supervisor their one
 * center, a regional supervisor the centers of her 시·도, the Ministry analyst and the
 * administrator every center (their roles keep them from a person's data: routes naming a
 * person admit neither, see `@Roles` on each route).
 */
export type AccessScope =
  { kind: 'nation' } | { kind: 'center'; centerId: string } | { kind: 'region'; region: string };

export function scopeOf(principal: Pick<Principal, 'role' | 'centerId' | 'region'>): AccessScope {
  switch (principal.role) {
    case 'counselor':
    case 'supervisor':
      // scopeProblems refuses such an account; an OIDC claim set without a center must fail closed.
      return { kind: 'center', centerId: principal.centerId ?? '\u0000no-center' };
    case 'regional_supervisor':
      return { kind: 'region', region: principal.region ?? '\u0000no-region' };
    default:
      return { kind: 'nation' };
  }
}

/**
 * The 시·도 of a center, from the centers directory (config/centers.json). Provided by the
 * statistics module; without it a regional scope covers no center (fails closed).
 */
export abstract class CenterRegions {
  abstract regionOf(centerId: string): string;
  /** The centers the directory lists in this 시·도. */
  abstract centersIn(region: string): string[];
  /** The directory lists this center (config/centers.json). */
  abstract isListed(centerId: string): boolean;
}

/** The centers a list query may show, or null for every center (the nation-wide roles). */
export function centerIdsOf(scope: AccessScope, regions?: CenterRegions): string[] | null {
  switch (scope.kind) {
    case 'nation':
      return null;
    case 'center':
      return [scope.centerId];
    case 'region':
      return regions?.centersIn(scope.region) ?? [];
  }
}

/** Does the scope reach records of this center? */
export function coversCenter(scope: AccessScope, centerId: string, regions?: CenterRegions): boolean {
  switch (scope.kind) {
    case 'nation':
      return true;
    case 'center':
      return scope.centerId === centerId;
    case 'region':
      return regions !== undefined && regions.regionOf(centerId) === scope.region;
  }
}

/**
 * A figure's level as the statistics and the Ministry report name it. A center-scoped account
 * reaches its center; a regional one its region and the centers in it; the nation-wide roles
 * everything.
 */
export function coversLevel(
  scope: AccessScope,
  level: string,
  id: string | undefined,
  regions?: CenterRegions,
): boolean {
  if (scope.kind === 'nation') return true;
  if (level === 'center') return id !== undefined && coversCenter(scope, id, regions);
  if (level === 'region') return scope.kind === 'region' && id === scope.region;
  return false;
}

/**
 * Who answers for a level's figures (submits its Ministry report): the center's supervisor, the
 * region's supervisor, the Ministry analyst for the nation. Reading them is wider (coversLevel).
 */
export function answersFor(
  principal: Pick<Principal, 'role' | 'centerId' | 'region'>,
  level: string,
  id: string | undefined,
): boolean {
  if (level === 'center') return principal.role === 'supervisor' && principal.centerId === id;
  if (level === 'region') return principal.role === 'regional_supervisor' && principal.region === id;
  return level === 'nation' && principal.role === 'ministry_analyst';
}

/** What the guard leaves on every request it admits: who is calling and what she reaches. */
export interface RequestAccess {
  principal: Principal;
  /** Her account id: the actor recorded on events and in the access log. */
  actorId: string;
  scope: AccessScope;
  /** The scope reaches this center's records. */
  coversCenter(centerId: string): boolean;
  coversLevel(level: string, id: string | undefined): boolean;
  answersFor(level: string, id: string | undefined): boolean;
  /** For list queries: the centers whose rows she may see, or null for all (nation-wide roles). */
  centerIds(): string[] | null;
  /** What a command's field refers to (a center, a program, a counselor) exists and her center may use it: else 422 REFERENCE_NOT_FOUND. */
  requireReference(reference: CheckedReference, value: unknown, dto?: object): Promise<void>;
}

/** A command's reference as the resolver checks it (the runtime's CommandReference, structurally). */
export interface CheckedReference {
  kind: string;
  field: string;
  /** For a counselor: the DTO field naming her center, or naming the woman whose case's center it is. */
  within?: { centerField: string } | { clientField: string };
}

/**
 * Figures of a level the caller does not reach answer 404, like a record of another center: a
 * center's staff reach their center, a regional supervisor her region and its centers.
 */
export function requireLevel(access: Pick<RequestAccess, 'coversLevel'>, level: string, id: string | undefined): void {
  if (!access.coversLevel(level, id))
    throw new NotFound(level === 'nation' ? '범위' : level === 'region' ? '시·도' : '센터', id ?? level);
}
