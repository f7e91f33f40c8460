import { Alert, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { describeError } from '../api/errors';

/**
 * A query's three states said the same way on every screen: a skeleton while it loads, the
 * reason in Korean when it failed, and an empty state that says what to do (when `isEmpty`).
 */
export function LoadState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: T };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton active aria-busy="true" aria-label="불러오는 중" />;
  if (query.isError || query.data === undefined)
    return <Alert type="error" showIcon title={describeError(query.error)} />;
  if (isEmpty?.(query.data)) return <Empty description={empty} />;
  return <>{children(query.data)}</>;
}
