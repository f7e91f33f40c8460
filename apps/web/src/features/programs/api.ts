import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { minPositionParam } from '../../api/consistency';
import { ApiError, unwrap } from '../../api/errors';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type RetentionProgram = Schemas['RetentionProgramResponse'];
export type DefineProgram = Schemas['DefineRetentionProgramDto'];
export type AmendProgram = Schemas['AmendRetentionProgramBody'];
export type GiveBenefit = Schemas['ProvideRetentionBenefitBody'];
export type BudgetPlan = Schemas['BudgetPlanAnswerResponse'];
export type BudgetPlanFigures = Schemas['BudgetPlanFiguresResponse'];
export type DefineBudgetPlan = Schemas['DefineBudgetPlanDto'];
export type RecordExecution = Schemas['RecordBudgetExecutionBody'];
export type FundingSource = 'national' | 'provincial' | 'municipal' | 'other';
export const SOURCES: FundingSource[] = ['national', 'provincial', 'municipal', 'other'];

export const programKeys = {
  all: ['retention-programs'] as const,
  list: (centerId: string) => [...programKeys.all, centerId] as const,
  one: (programId: string) => [...programKeys.all, 'one', programId] as const,
  budgets: ['budget-plans'] as const,
  budget: (planId: string) => ['budget-plans', 'one', planId] as const,
  eligible: (centerId: string) => [...programKeys.all, 'eligible', centerId] as const,
};

export const programsQuery = (centerId: string) =>
  queryOptions({
    queryKey: programKeys.list(centerId),
    queryFn: async () =>
      unwrap(await api.GET('/retention-programs', { params: { query: { centerId, ...minPositionParam() } } })),
  });

export const programQuery = (programId: string) =>
  queryOptions({
    queryKey: programKeys.one(programId),
    queryFn: async () =>
      unwrap(
        await api.GET('/retention-programs/{programId}', {
          params: { path: { programId }, query: { ...minPositionParam() } },
        }),
      ),
  });

export const budgetPlansQuery = (centerId: string) =>
  queryOptions({
    queryKey: [...programKeys.budgets, centerId],
    queryFn: async () =>
      unwrap(await api.GET('/budget-plans', { params: { query: { centerId, ...minPositionParam() } } })),
  });

/** A program's budget plan (it has the program's id), or null when none was set yet. */
export const budgetPlanQuery = (planId: string) =>
  queryOptions({
    queryKey: programKeys.budget(planId),
    queryFn: async (): Promise<BudgetPlan | null> => {
      try {
        return unwrap(
          await api.GET('/budget-plans/{planId}', { params: { path: { planId }, query: { ...minPositionParam() } } }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });

const key = (k: string) => ({ 'Idempotency-Key': k });
export const defineProgram = async (body: DefineProgram, k: string) =>
  unwrap(await api.POST('/retention-programs', { params: { header: key(k) }, body }));
export const amendProgram = async (programId: string, body: AmendProgram, k: string) =>
  unwrap(
    await api.POST('/retention-programs/{programId}/amendments', {
      params: { path: { programId }, header: key(k) },
      body,
    }),
  );
export const giveBenefit = async (programId: string, body: GiveBenefit, k: string) =>
  unwrap(
    await api.POST('/retention-programs/{programId}/benefits', {
      params: { path: { programId }, header: key(k) },
      body,
    }),
  );
export const defineBudgetPlan = async (body: DefineBudgetPlan, k: string) =>
  unwrap(await api.POST('/budget-plans', { params: { header: key(k) }, body }));
export const recordExecution = async (planId: string, body: RecordExecution, k: string) =>
  unwrap(await api.POST('/budget-plans/{planId}/executions', { params: { path: { planId }, header: key(k) }, body }));
