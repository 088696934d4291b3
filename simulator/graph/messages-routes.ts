// `POST /<PHONE_NUMBER_ID>/messages`: a send (contract §7) or a read receipt (§7.5), told apart
// the way Meta does: read receipts carry `status: "read"` and no `type`.
import type { Router } from 'express';
import type { SimulatorContext } from '../core/simulator-context.ts';
import { authorize } from './authenticate.ts';
import { markAsRead } from './mark-as-read.ts';
import { sendMessage } from './send-message.ts';

export function registerMessagesRoutes(router: Router, ctx: SimulatorContext): void {
  router.post('/:id/messages', (req, res, next) => {
    const number = ctx.store.numbers.get(req.params.id);
    if (!number) {
      return next();
    }
    authorize(ctx, req, [number]);
    const body: unknown = req.body ?? {};
    const isReadReceipt = typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'read';
    res.json(isReadReceipt ? markAsRead(ctx, number, body) : sendMessage(ctx, number, body));
  });
}
