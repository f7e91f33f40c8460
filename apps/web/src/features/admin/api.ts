import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';

export type Account = components['schemas']['AccountView'];
export type AccountAuditEntry = components['schemas']['AccountAuditEntryView'];
export type CreateAccount = components['schemas']['CreateAccountDto'];
export type ChainVerdict = components['schemas']['ChainVerdictResponse'];

export const adminKeys = {
  all: ['admin'] as const,
  accounts: () => [...adminKeys.all, 'accounts'] as const,
  audit: (accountId?: string) => [...adminKeys.all, 'audit', accountId ?? 'all'] as const,
};

export const accountsQuery = () =>
  queryOptions({ queryKey: adminKeys.accounts(), queryFn: async () => unwrap(await api.GET('/accounts')) });

export const auditQuery = (accountId?: string) =>
  queryOptions({
    queryKey: adminKeys.audit(accountId),
    queryFn: async () =>
      unwrap(
        await api.GET('/accounts/audit', { params: { query: { ...(accountId ? { accountId } : {}), limit: 200 } } }),
      ),
  });

export async function createAccount(body: CreateAccount): Promise<Account & { position?: number }> {
  return unwrap(await api.POST('/accounts', { body }));
}

export async function setDisabled(accountId: string, disabled: boolean): Promise<Account & { position?: number }> {
  const params = { path: { accountId } };
  return unwrap(
    disabled
      ? await api.POST('/accounts/{accountId}/disable', { params })
      : await api.POST('/accounts/{accountId}/enable', { params }),
  );
}

export async function resetPassword(accountId: string, newPassword: string): Promise<Account & { position?: number }> {
  return unwrap(
    await api.POST('/accounts/{accountId}/password-reset', { params: { path: { accountId } }, body: { newPassword } }),
  );
}

export async function verifyAccessLog(month: string): Promise<ChainVerdict> {
  return unwrap(await api.GET('/access-log/verify', { params: { query: { month } } }));
}
