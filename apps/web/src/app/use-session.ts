import { useSyncExternalStore } from 'react';
import { session, type Principal } from '../api/session';

export function useSession(): Principal | null {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.principal,
  );
}
