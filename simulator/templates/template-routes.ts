// Template management (contract §9): list, create, delete per WABA; read and edit one template.
import type { Request, Router } from 'express';
import { createTemplateRequestSchema } from '#api/whatsapp/graph-schemas';
import type { SimulatorContext } from '../core/simulator-context.ts';
import { objectId } from '../core/ids.ts';
import { authorize } from '../graph/authenticate.ts';
import { invalidParameter } from '../graph/graph-error.ts';
import { invalidParameterFrom } from '../graph/zod-details.ts';
import type { TemplateRecord } from '../state/simulator-state.ts';
import { scheduleReview } from './template-review.ts';
import { fieldsOf, listTemplates, templateView } from './template-view.ts';
import { validateTemplateDefinition } from './validate-template-definition.ts';

export function registerTemplateRoutes(router: Router, ctx: SimulatorContext): void {
  const wabaNumbers = (req: Request) => ctx.store.numbersInWaba(String(req.params.id));

  router.get('/:id/message_templates', (req, res, next) => {
    if (wabaNumbers(req).length === 0) {
      return next();
    }
    authorize(ctx, req, wabaNumbers(req));
    const pageUrl = `${String(res.locals.simulatorBase)}${req.originalUrl.slice(req.baseUrl.length)}`;
    res.json(listTemplates(ctx.store.templatesOf(String(req.params.id)), req.query, absolute(pageUrl)));
  });

  router.post('/:id/message_templates', (req, res, next) => {
    if (wabaNumbers(req).length === 0) {
      return next();
    }
    authorize(ctx, req, wabaNumbers(req));
    const parsed = createTemplateRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      throw invalidParameterFrom(parsed.error);
    }
    const request = parsed.data;
    const format = request.parameter_format ?? 'positional';
    validateTemplateDefinition(request.components, format);
    if (ctx.store.findTemplate(String(req.params.id), request.name, request.language)) {
      throw invalidParameter(
        `Content in this language already exists for ${request.name} (${request.language}).`,
        2388024,
      );
    }
    const template: TemplateRecord = {
      id: objectId(ctx.random),
      wabaId: String(req.params.id),
      name: request.name,
      language: request.language,
      category: request.category,
      status: 'PENDING',
      parameterFormat: format,
      components: request.components,
      reason: null,
      createdAt: ctx.now(),
    };
    ctx.store.templates.set(template.id, template);
    ctx.store.changed();
    scheduleReview(ctx, template.id);
    res.json({ id: template.id, status: template.status, category: template.category });
  });

  router.delete('/:id/message_templates', (req, res, next) => {
    if (wabaNumbers(req).length === 0) {
      return next();
    }
    authorize(ctx, req, wabaNumbers(req));
    const name = typeof req.query.name === 'string' ? req.query.name : '';
    const hsmId = typeof req.query.hsm_id === 'string' ? req.query.hsm_id : null;
    // A name alone deletes every language of it (contract §9).
    const doomed = ctx.store
      .templatesOf(String(req.params.id))
      .filter((t) => t.name === name && (!hsmId || t.id === hsmId));
    if (doomed.length === 0) {
      throw invalidParameter(`Message template "${name}" not found.`);
    }
    doomed.forEach((t) => ctx.store.templates.delete(t.id));
    ctx.store.changed();
    res.json({ success: true });
  });

  router.get('/:id', (req, res, next) => {
    const template = ctx.store.templates.get(req.params.id);
    if (!template) {
      return next();
    }
    authorize(ctx, req, ctx.store.numbersInWaba(template.wabaId));
    res.json(templateView(template, fieldsOf(req.query)));
  });

  router.post('/:id', (req, res, next) => {
    const template = ctx.store.templates.get(req.params.id);
    if (!template) {
      return next();
    }
    authorize(ctx, req, ctx.store.numbersInWaba(template.wabaId));
    editTemplate(ctx, template, req.body ?? {});
    res.json({ success: true });
  });
}

/** Edits replace the components (or the category) and send the template back to review. */
function editTemplate(ctx: SimulatorContext, template: TemplateRecord, body: Record<string, unknown>): void {
  if (!['APPROVED', 'REJECTED', 'PAUSED'].includes(template.status)) {
    throw invalidParameter(`A ${template.status} template can not be edited.`, 2388039);
  }
  const parsed = createTemplateRequestSchema.pick({ category: true, components: true }).partial().safeParse(body);
  if (!parsed.success) {
    throw invalidParameterFrom(parsed.error);
  }
  const { category, components } = parsed.data;
  if (category && template.status === 'APPROVED' && category !== template.category) {
    throw invalidParameter("An approved template's category can not be changed.");
  }
  if (components) {
    validateTemplateDefinition(components, template.parameterFormat);
    template.components = components;
  }
  template.category = category ?? template.category;
  template.status = 'PENDING';
  ctx.store.changed();
  scheduleReview(ctx, template.id);
}

function absolute(url: string): string {
  return /^https?:\/\//.test(url) ? url : `http://localhost${url.startsWith('/') ? '' : '/'}${url}`;
}
