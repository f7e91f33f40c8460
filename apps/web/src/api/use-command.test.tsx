import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { minPositionParam } from './consistency';
import { useCommand } from './use-command';

describe('useCommand (a form’s command)', () => {
  it('keeps one Idempotency-Key while she retries a failed save, a new one after it succeeded; notes the position for the next queries', async () => {
    const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const keys: string[] = [];
    let fail = true;
    const send = vi.fn(async (_input: { notes: string }, key: string) => {
      keys.push(key);
      if (fail) throw new TypeError('Failed to fetch');
      return { position: 4242 };
    });
    const { result } = renderHook(() => useCommand(send, [['case', 'c1', 'timeline']]), { wrapper });

    await act(async () => result.current.mutate({ notes: '첫 상담' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    fail = false;
    await act(async () => result.current.mutate({ notes: '첫 상담' }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await act(async () => result.current.mutate({ notes: '두 번째 상담' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(3));

    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(minPositionParam()).toEqual({ minPosition: 4242 });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['case', 'c1', 'timeline'] });
  });
});
