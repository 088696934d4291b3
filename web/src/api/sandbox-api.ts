// The Sandbox phone: simulated customers chatting with the workspace's Sandbox number.
import { useQuery } from '@tanstack/react-query';
import { sandboxStatusSchema, type createSandboxCustomerInputSchema } from '#api/sandbox/schemas';
import type { z } from 'zod';
import { apiRequest } from './client.ts';
import {
  sandboxCustomerListSchema,
  sandboxCustomerSchema,
  sandboxMessageSchema,
  sandboxThreadSchema,
} from '#api/sandbox/schemas';

export const sandboxKey = ['sandbox'];
export const sandboxCustomersKey = [...sandboxKey, 'customers'];
export const sandboxStatusKey = [...sandboxKey, 'status'];
export const sandboxThreadKey = (waId: string) => [...sandboxKey, 'thread', waId];

/** Live events refresh these; the poll is the fallback for a dropped socket (paused in hidden tabs). */
const FALLBACK_POLL_MS = 5000;

export function useSandboxStatus() {
  return useQuery({
    queryKey: sandboxStatusKey,
    queryFn: () => apiRequest('/api/sandbox', { schema: sandboxStatusSchema }),
  });
}

/** `isLive`: the Sandbox page polls as a fallback; a one-off read (the dashboard) does not. */
export function useSandboxCustomers({ enabled = true, isLive = true } = {}) {
  return useQuery({
    queryKey: sandboxCustomersKey,
    queryFn: () => apiRequest('/api/sandbox/customers', { schema: sandboxCustomerListSchema }),
    select: (list) => list.data,
    refetchInterval: isLive ? FALLBACK_POLL_MS : false,
    enabled,
  });
}

export function useSandboxThread(waId: string) {
  return useQuery({
    queryKey: sandboxThreadKey(waId),
    queryFn: () => apiRequest(`/api/sandbox/customers/${waId}/messages`, { schema: sandboxThreadSchema }),
    select: (thread) => thread.data,
    refetchInterval: FALLBACK_POLL_MS,
  });
}

export const createSandboxCustomer = (body: z.input<typeof createSandboxCustomerInputSchema>) =>
  apiRequest('/api/sandbox/customers', { method: 'POST', body, schema: sandboxCustomerSchema });

/** What the customer sends, in the simulator's shape (simulator/customers/control-schemas.ts). */
export type CustomerMessage = { type: string; replyTo?: string } & Record<string, unknown>;

export const sendAsCustomer = (waId: string, body: CustomerMessage) =>
  apiRequest(`/api/sandbox/customers/${waId}/messages`, { method: 'POST', body, schema: sandboxMessageSchema });

/** The customer looks at the chat: the business's messages turn to read (blue ticks in Parley). */
export const markThreadRead = (waId: string) => apiRequest(`/api/sandbox/customers/${waId}/read`, { method: 'POST' });
