// The sample template every new WABA starts with on Meta, already APPROVED.
import type { SimulatorContext } from '../core/simulator-context.ts';
import { objectId } from '../core/ids.ts';

export function seedHelloWorld(ctx: SimulatorContext, wabaId: string): void {
  const id = objectId(ctx.random);
  ctx.store.templates.set(id, {
    id,
    wabaId,
    name: 'hello_world',
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    parameterFormat: 'positional',
    reason: 'NONE',
    createdAt: ctx.now(),
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
      {
        type: 'BODY',
        text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
      },
      { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
    ],
  });
  ctx.store.changed();
}
