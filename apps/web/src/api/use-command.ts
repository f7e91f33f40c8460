import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRef } from 'react';
import { notePosition } from './consistency';

/**
 * A command sent from a form. Its Idempotency-Key is made once per attempt to record something
 * and kept until the API accepted it: a double click, or pressing 저장 again after a dropped
 * connection, sends the same key, and the API answers the first result instead of recording twice.
 * On success the command's position is noted (queries after it wait for it) and the queries it
 * changes are refetched.
 */
export function useCommand<Input, Result extends { position?: number }>(
  send: (input: Input, idempotencyKey: string) => Promise<Result>,
  invalidates: QueryKey[] = [],
) {
  const queryClient = useQueryClient();
  const key = useRef<string | null>(null);
  return useMutation({
    mutationFn: (input: Input) => {
      key.current ??= crypto.randomUUID();
      return send(input, key.current);
    },
    onSuccess: async (result) => {
      key.current = null;
      notePosition(result.position);
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
