import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { bootstrapSession } from './auth/refresh-session.ts';
import { ToastProvider } from './components/toast-provider.tsx';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/overlays.css';
import './styles/pages.css';
import './styles/sandbox.css';
import './styles/chat.css';
import './styles/business-profile.css';
import './styles/templates.css';

// Started before the first render so the cookie exchange happens exactly once per page load.
void bootstrapSession();

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html lacks the #root element');
}
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
