import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/api-error.ts';

// Pages refetch when opened (teammates change things too). A 4xx will not change on retry;
// network blips and 5xx get one more try.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
