import { createContext, useContext } from 'react';

export type ToastTone = 'success' | 'error' | 'info';
export type Toaster = { show: (message: string, tone?: ToastTone) => void };

export const ToastContext = createContext<Toaster | null>(null);

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) {
    throw new Error('useToast() needs a <ToastProvider>');
  }
  return toaster;
}
