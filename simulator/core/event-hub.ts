// Live events for whoever embeds the simulator (Parley pushes them to the Sandbox phone).
import type { MessageRecord, OutboundStatus } from '../state/simulator-state.ts';

export type SimulatorEvent =
  /** The business sent something to a customer (accepted by the Graph API). */
  | { type: 'message-to-customer'; phoneNumberId: string; waId: string; message: MessageRecord }
  /** A business message changed status (sent, delivered, read, failed). */
  | { type: 'status'; phoneNumberId: string; waId: string; messageId: string; status: OutboundStatus }
  /** A customer sent a message to the business. */
  | { type: 'inbound'; phoneNumberId: string; waId: string; message: MessageRecord }
  /** The business marked a customer's messages as read. */
  | { type: 'inbound-read'; phoneNumberId: string; waId: string; messageIds: string[] };

export type EventListener = (event: SimulatorEvent) => void;

export function createEventHub(log: (line: string) => void) {
  const listeners = new Set<EventListener>();
  return {
    /** Returns the function that unsubscribes. */
    on(listener: EventListener): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(event: SimulatorEvent): void {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          // A broken listener must not break the simulated WhatsApp.
          log(`simulator event listener failed: ${String(error)}`);
        }
      }
    },
  };
}
export type EventHub = ReturnType<typeof createEventHub>;
