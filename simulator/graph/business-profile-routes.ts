// `GET|POST /<PHONE_NUMBER_ID>/whatsapp_business_profile` (contract §10). Only the fields sent
// change; the picture is set with a Resumable Upload handle and read back as a URL.
import type { Router } from 'express';
import { z } from 'zod';
import { businessProfileUpdateSchema } from '#api/whatsapp/graph-schemas';
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { PhoneNumberRecord } from '../state/simulator-state.ts';
import { authorize, bearerToken } from './authenticate.ts';
import { GraphError, invalidParameter } from './graph-error.ts';
import { invalidParameterFrom } from './zod-details.ts';

const PROFILE_FIELDS = ['about', 'address', 'description', 'email', 'profile_picture_url', 'websites', 'vertical'];
const postSchema = z.object({ messaging_product: z.literal('whatsapp') }).loose();

export function registerBusinessProfileRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/:id/whatsapp_business_profile', (req, res, next) => {
    const number = ctx.store.numbers.get(req.params.id);
    if (!number) {
      return next();
    }
    if (!bearerToken(req)) {
      // Meta answers this GET without a token with error 200 rather than 190 (contract §10).
      throw new GraphError(200, 'Provide valid app ID');
    }
    authorize(ctx, req, [number]);
    const fields = typeof req.query.fields === 'string' ? req.query.fields.split(',').map((f) => f.trim()) : null;
    const profile = profileView(number, String(res.locals.simulatorBase));
    const selected = Object.entries(profile).filter(([key]) => !fields || fields.includes(key));
    res.json({ data: [{ ...Object.fromEntries(selected), messaging_product: 'whatsapp' }] });
  });

  router.post('/:id/whatsapp_business_profile', (req, res, next) => {
    const number = ctx.store.numbers.get(req.params.id);
    if (!number) {
      return next();
    }
    authorize(ctx, req, [number]);
    const envelope = postSchema.safeParse(req.body ?? {});
    if (!envelope.success) {
      throw invalidParameterFrom(envelope.error);
    }
    const { messaging_product: _product, ...fields } = envelope.data;
    const parsed = businessProfileUpdateSchema.safeParse(fields);
    if (!parsed.success) {
      throw invalidParameterFrom(parsed.error);
    }
    const { profile_picture_handle: handle, ...changes } = parsed.data;
    let pictureMediaId = number.profile.pictureMediaId;
    if (handle !== undefined) {
      const mediaId = ctx.store.handles.get(handle);
      if (!mediaId || !ctx.store.media.get(mediaId)?.mimeType.startsWith('image/')) {
        throw invalidParameter('Param profile_picture_handle is not a valid handle of an uploaded image.');
      }
      pictureMediaId = mediaId;
    }
    number.profile = { ...number.profile, ...changes, pictureMediaId };
    ctx.store.changed();
    res.json({ success: true });
  });
}

function profileView(number: PhoneNumberRecord, base: string): Record<string, unknown> {
  const { pictureMediaId, ...profile } = number.profile;
  const view: Record<string, unknown> = { ...profile };
  if (pictureMediaId) {
    view.profile_picture_url = `${base}/_sandbox/media/${pictureMediaId}`;
  }
  return Object.fromEntries(Object.entries(view).filter(([key]) => PROFILE_FIELDS.includes(key)));
}
