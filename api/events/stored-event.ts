// An event as recorded (TenantEvent) and handed to the dispatcher and its listeners.
import type { EventType } from './schemas.ts';

export type StoredEvent = {
  id: string;
  tenantId: string;
  type: EventType;
  payload: Record<string, unknown>;
  createdAt: Date;
};
