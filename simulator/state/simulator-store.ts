// The in-memory state with the indexes the simulator looks things up by. Every mutation goes
// through `changed()` so persistence can snapshot it (debounced) without knowing who changed what.
import type {
  CustomerRecord,
  MediaRecord,
  MessageRecord,
  PhoneNumberRecord,
  Snapshot,
  TemplateRecord,
} from './simulator-state.ts';

export type SimulatorStore = ReturnType<typeof createSimulatorStore>;

export function createSimulatorStore() {
  const numbers = new Map<string, PhoneNumberRecord>();
  const customers = new Map<string, CustomerRecord>();
  const threads = new Map<string, MessageRecord[]>();
  const messages = new Map<string, MessageRecord>();
  const templates = new Map<string, TemplateRecord>();
  const media = new Map<string, MediaRecord>();
  const handles = new Map<string, string>();
  const listeners: Array<() => void> = [];
  const indexMessage = (message: MessageRecord) => {
    const key = threadKey(message.phoneNumberId, message.waId);
    const thread = threads.get(key) ?? [];
    thread.push(message);
    threads.set(key, thread);
    messages.set(message.id, message);
  };

  const store = {
    numbers,
    customers,
    messages,
    templates,
    media,
    handles,
    onChange: (listener: () => void) => void listeners.push(listener),
    changed: () => listeners.forEach((listener) => listener()),

    numbersInWaba: (wabaId: string) => [...numbers.values()].filter((n) => n.wabaId === wabaId),
    customer: (phoneNumberId: string, waId: string) => customers.get(threadKey(phoneNumberId, waId)),
    customersOf: (phoneNumberId: string) => [...customers.values()].filter((c) => c.phoneNumberId === phoneNumberId),
    putCustomer(customer: CustomerRecord) {
      customers.set(threadKey(customer.phoneNumberId, customer.waId), customer);
      store.changed();
    },
    thread: (phoneNumberId: string, waId: string) => threads.get(threadKey(phoneNumberId, waId)) ?? [],
    addMessage(message: MessageRecord) {
      indexMessage(message);
      store.changed();
    },
    templatesOf: (wabaId: string) => [...templates.values()].filter((t) => t.wabaId === wabaId),
    findTemplate: (wabaId: string, name: string, language: string) =>
      [...templates.values()].find((t) => t.wabaId === wabaId && t.name === name && t.language === language),

    snapshot(): Snapshot {
      return {
        version: 1,
        numbers: [...numbers.values()],
        customers: [...customers.values()],
        messages: [...threads.values()].flat(),
        templates: [...templates.values()],
        media: [...media.values()],
        handles: Object.fromEntries(handles),
      };
    },
    load(snapshot: Snapshot) {
      snapshot.numbers.forEach((n) => numbers.set(n.phoneNumberId, n));
      snapshot.customers.forEach((c) => customers.set(threadKey(c.phoneNumberId, c.waId), c));
      snapshot.templates.forEach((t) => templates.set(t.id, t));
      snapshot.media.forEach((m) => media.set(m.id, m));
      Object.entries(snapshot.handles).forEach(([handle, mediaId]) => handles.set(handle, mediaId));
      snapshot.messages.forEach(indexMessage);
    },
  };
  return store;
}

function threadKey(phoneNumberId: string, waId: string): string {
  return `${phoneNumberId}:${waId}`;
}
