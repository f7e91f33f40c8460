import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';

export type KpiAchievement = components['schemas']['KpiAchievementResponse'];
export type DefineKpiPlan = components['schemas']['DefineKpiPlanDto'];
export type KpiActual = components['schemas']['EnterKpiActualBody'];

export const kpiKeys = {
  all: ['kpi'] as const,
  plans: (centerId: string) => [...kpiKeys.all, 'plans', centerId] as const,
  achievement: (planId: string) => [...kpiKeys.all, 'achievement', planId] as const,
};

/**
 * Her center's KPI plans. The API has no list of plans yet; the center's report preview carries
 * every plan of the center (id, name, term), so that is where their names come from.
 */
export const kpiPlansQuery = (centerId: string, month: string) =>
  queryOptions({
    queryKey: kpiKeys.plans(centerId),
    queryFn: async () => {
      const report = unwrap(
        await api.GET('/ministry-reports/{level}/{period}', {
          params: { path: { level: 'center', period: month }, query: { id: centerId } },
        }),
      ) as components['schemas']['MinistryReportResponse'];
      return report.kpi.map((p) => ({ planId: p.planId, name: p.name, term: p.term }));
    },
  });

export const achievementQuery = (planId: string, asOfDate: string | undefined, decimals: number) =>
  queryOptions({
    queryKey: [...kpiKeys.achievement(planId), asOfDate, decimals] as const,
    queryFn: async () =>
      unwrap(
        await api.GET('/kpi-plans/{planId}/achievement', {
          params: { path: { planId }, query: { asOfDate, decimals, ...minPositionParam() } },
        }),
      ),
  });

export async function definePlan(body: DefineKpiPlan, key: string) {
  return unwrap(await api.POST('/kpi-plans', { params: { header: { 'Idempotency-Key': key } }, body }));
}

export async function enterActual(planId: string, body: KpiActual, key: string) {
  return unwrap(
    await api.POST('/kpi-plans/{planId}/actuals', {
      params: { path: { planId }, header: { 'Idempotency-Key': key } },
      body,
    }),
  );
}
