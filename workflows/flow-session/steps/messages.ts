// Nodes that only send: send_text, send_media, send_template.
import { interpolate } from '#flow-dsl/template';
import type { SendMediaData } from '#flow-dsl/nodes/send_media/schema';
import type { SendTemplateData } from '#flow-dsl/nodes/send_template/schema';
import type { SendTextData } from '#flow-dsl/nodes/send_text/schema';
import { scopeOf } from '../session.ts';
import { send, sendText, type Content } from './send.ts';
import { dataOf, next, type StepHandler } from './types.ts';

export const sendTextStep: StepHandler = async (session, step) => {
  const data = dataOf<SendTextData>(step);
  await sendText(session, interpolate(data.text, scopeOf(session)), data.previewUrl);
  return next();
};

export const sendMediaStep: StepHandler = async (session, step) => {
  const data = dataOf<SendMediaData>(step);
  const scope = scopeOf(session);
  const source = data.mediaId ? { id: data.mediaId } : { link: interpolate(data.link, scope, { escape: 'url' }) };
  const caption = interpolate(data.caption, scope);
  const withCaption = caption && data.mediaType !== 'audio' && data.mediaType !== 'sticker' ? { caption } : {};
  const filename = data.mediaType === 'document' ? interpolate(data.filename, scope) : '';
  const media = { ...source, ...withCaption, ...(filename ? { filename } : {}) };
  await send(session, { type: data.mediaType, [data.mediaType]: media } as Content);
  return next();
};

export const sendTemplateStep: StepHandler = async (session, step) => {
  const data = dataOf<SendTemplateData>(step);
  const scope = scopeOf(session);
  const parameters = (values: string[]) => values.map((v) => ({ type: 'text' as const, text: interpolate(v, scope) }));
  const components = [
    ...(data.headerParams.length ? [{ type: 'header' as const, parameters: parameters(data.headerParams) }] : []),
    ...(data.bodyParams.length ? [{ type: 'body' as const, parameters: parameters(data.bodyParams) }] : []),
    // One quick-reply/URL button parameter per button, by index (Meta's sub_type/index shape).
    ...data.buttonParams.map((value, index) => ({
      type: 'button' as const,
      sub_type: 'url',
      index: String(index),
      parameters: parameters([value]),
    })),
  ];
  await send(session, {
    type: 'template',
    template: {
      name: data.templateName,
      language: { code: data.language },
      ...(components.length ? { components } : {}),
    },
  });
  return next();
};
