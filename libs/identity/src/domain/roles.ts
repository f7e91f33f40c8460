import { KOREAN_REGIONS } from '@saeil/contracts';
import type { FieldError } from '@saeil/core';

/** The five jobs an account can hold (issue 5); each sees what that job needs and no more. */
export const ROLES = ['counselor', 'supervisor', 'regional_supervisor', 'ministry_analyst', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Where an account's job applies: a center (counselor, supervisor) or a 시·도 (regional supervisor). */
export interface RoleScope {
  centerId?: string;
  region?: string;
}

/**
 * A role's scope must name exactly what the role needs: a counselor and a supervisor belong to
 * one center, a regional supervisor to one 시·도 (by its official name), the Ministry analyst and
 * the administrator to neither. Returns the problems, empty when the scope fits.
 */
export function scopeProblems(role: Role, scope: RoleScope): FieldError[] {
  const problems: FieldError[] = [];
  const needsCenter = role === 'counselor' || role === 'supervisor';
  const needsRegion = role === 'regional_supervisor';
  if (needsCenter && !scope.centerId)
    problems.push({
      field: 'centerId',
      code: 'requiredForRole',
      message: `${role} 계정에는 소속 센터(centerId)가 필요합니다.`,
    });
  if (!needsCenter && scope.centerId !== undefined)
    problems.push({
      field: 'centerId',
      code: 'notAllowedForRole',
      message: `${role} 계정에는 센터를 지정하지 않습니다.`,
    });
  if (needsRegion && !scope.region)
    problems.push({
      field: 'region',
      code: 'requiredForRole',
      message: 'regional_supervisor 계정에는 시·도(region)가 필요합니다.',
    });
  if (needsRegion && scope.region && !(KOREAN_REGIONS as readonly string[]).includes(scope.region)) {
    problems.push({ field: 'region', code: 'unknownRegion', message: `알 수 없는 시·도입니다: ${scope.region}` });
  }
  if (!needsRegion && scope.region !== undefined)
    problems.push({
      field: 'region',
      code: 'notAllowedForRole',
      message: `${role} 계정에는 시·도를 지정하지 않습니다.`,
    });
  return problems;
}

/**
 * Who may do what, by job (each route names one of these with `@Roles(...)`):
 * - CASE_WORKERS act on a woman's case and on their center's activities (counselor, supervisor);
 * - CASE_READERS may also read a case: a regional supervisor, for her region's centers;
 * - FIGURE_READERS read aggregates (statistics, KPIs, the Ministry report), never a person:
 *   the Ministry analyst joins here, for any center, region or the nation;
 * - supervisors alone set their center's plans (retention programs, KPI plans).
 * The administrator keeps accounts and the access log and may erase a client; she reads no case.
 */
export const CASE_WORKERS = ['counselor', 'supervisor'] as const satisfies readonly Role[];
export const CASE_READERS = ['counselor', 'supervisor', 'regional_supervisor'] as const satisfies readonly Role[];
export const FIGURE_READERS = [
  'counselor',
  'supervisor',
  'regional_supervisor',
  'ministry_analyst',
] as const satisfies readonly Role[];
export const REPORT_READERS = [
  'supervisor',
  'regional_supervisor',
  'ministry_analyst',
] as const satisfies readonly Role[];
