import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { ConfigProvider } from 'antd';
// The ES module build of the locale: `antd/locale/ko_KR` is CommonJS and brings its interop helpers.
import koKR from 'antd/es/locale/ko_KR';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/errors';
import { session } from '../api/session';
import { createAppRouter } from './router';
import { theme } from './theme';

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal or a missing record will not change by asking again at once.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        staleTime: 15_000,
        refetchOnWindowFocus: true,
      },
    },
  });
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));
  useEffect(
    () =>
      // Her session ended under her (refresh refused): to login, and back here afterwards.
      session.onExpired(() => {
        queryClient.clear();
        const here = router.state.location.href;
        void router.navigate({ to: '/login', search: { redirect: here } });
      }),
    [queryClient, router],
  );
  return (
    <ConfigProvider locale={koKR} theme={theme}>
      {/* No antd <App> wrapper: it brought Modal, notification and message into every screen's first
          script (15 KB gzip) for one toast; its text colour, size and font are on body (global.css)
          and the forms' saved toast is antd's static message (components/RecordForm). */}
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
