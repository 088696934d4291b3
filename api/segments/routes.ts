import { fileResponseSchema, tenantRoute, type Route } from '../http/define-route.ts';
import { countSavedSegment, countTree, listSegmentContacts, previewTree } from './evaluate-segment.ts';
import { exportSegmentCsv } from './export-segment-csv.ts';
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment } from './manage-segments.ts';
import {
  countSegmentInputSchema,
  createSegmentInputSchema,
  segmentContactPageSchema,
  segmentContactsQuerySchema,
  segmentCountSchema,
  segmentListSchema,
  segmentParamsSchema,
  segmentPreviewInputSchema,
  segmentPreviewSchema,
  segmentSchema,
  updateSegmentInputSchema,
} from './schemas.ts';

const tag = 'Segments';
const exampleCondition = {
  kind: 'group',
  op: 'and',
  children: [
    { kind: 'field', field: 'optInStatus', op: 'equals', value: 'opted_in' },
    { kind: 'field', field: 'lastInboundAt', op: 'within_last_days', days: 30 },
    {
      kind: 'group',
      op: 'or',
      children: [
        { kind: 'tags', op: 'has_any', values: ['vip'] },
        { kind: 'custom', key: 'plan', op: 'equals', value: 'Gold' },
      ],
    },
  ],
};
const conditionHelp =
  'A condition is a group `{ kind: "group", op: "and"|"or", negate?, children }` of groups (at most 5 levels) and at most 100 leaf conditions: `field` (the contact\'s own fields and engagement counters), `custom` (custom fields by key, operators by type), `tags`, `contact_group` (including subgroups), `flow` (completed a flow) and `message` (sent a message containing text). A bad leaf answers 400 naming its path, e.g. `condition.children.1.key`. See docs/segments.md.';

export const segmentRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/segments',
    tag,
    summary: 'Saved segments, by name, with the size each had when last counted',
    permission: 'contacts.view',
    response: segmentListSchema,
    handler: (_input, ctx) => listSegments(ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/segments/count',
    tag,
    summary: 'The live size of an unsaved condition tree',
    description: conditionHelp,
    permission: 'contacts.view',
    body: countSegmentInputSchema,
    response: segmentCountSchema,
    example: { body: { condition: exampleCondition } },
    handler: ({ body }, ctx) => countTree(body.condition, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/segments/preview',
    tag,
    summary: 'The live size and first members (newest first) of an unsaved condition tree',
    description: conditionHelp,
    permission: 'contacts.view',
    body: segmentPreviewInputSchema,
    response: segmentPreviewSchema,
    handler: ({ body }, ctx) => previewTree(body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/segments',
    tag,
    summary: 'Save a segment (its tree is validated and counted)',
    description: `${conditionHelp} A name already used answers 409 naming \`name\`.`,
    permission: 'contacts.manage',
    body: createSegmentInputSchema,
    response: segmentSchema,
    successStatus: 201,
    example: { body: { name: 'Engaged gold customers', condition: exampleCondition } },
    handler: ({ body }, ctx) => createSegment(body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/segments/:segmentId',
    tag,
    summary: 'One saved segment',
    permission: 'contacts.view',
    params: segmentParamsSchema,
    response: segmentSchema,
    handler: ({ params }, ctx) => getSegment(params.segmentId, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/segments/:segmentId',
    tag,
    summary: 'Rename a segment, change its description or its condition',
    permission: 'contacts.manage',
    params: segmentParamsSchema,
    body: updateSegmentInputSchema,
    response: segmentSchema,
    handler: ({ params, body }, ctx) => updateSegment(params.segmentId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/segments/:segmentId',
    tag,
    summary: 'Delete a segment (its contacts stay)',
    permission: 'contacts.manage',
    params: segmentParamsSchema,
    handler: ({ params }, ctx) => deleteSegment(params.segmentId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/segments/:segmentId/count',
    tag,
    summary: "A saved segment's size now (also stored as its lastCount)",
    permission: 'contacts.view',
    params: segmentParamsSchema,
    response: segmentCountSchema,
    handler: ({ params }, ctx) => countSavedSegment(params.segmentId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/segments/:segmentId/contacts',
    tag,
    summary: "A saved segment's members now, newest first (re-evaluated on every call)",
    permission: 'contacts.view',
    params: segmentParamsSchema,
    query: segmentContactsQuerySchema,
    response: segmentContactPageSchema,
    handler: ({ params, query }, ctx) => listSegmentContacts(params.segmentId, query, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/segments/:segmentId/export.csv',
    tag,
    summary: "Download a saved segment's members now as CSV",
    description:
      "The contact's fields, engagement, tags and one `fields.<key>` column per custom field. Cells a spreadsheet would run as formulas are prefixed with `'`.",
    permission: 'contacts.view',
    params: segmentParamsSchema,
    response: fileResponseSchema,
    file: { contentType: 'text/csv; charset=utf-8' },
    handler: ({ params }, ctx) => exportSegmentCsv(params.segmentId, ctx),
  }),
];
