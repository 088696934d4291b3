// Contact imports from CSV and Excel: upload (multipart), preview, validate a mapping, start the
// contactImport workflow, follow its progress, cancel, download the rejected rows.
import { fileResponseSchema, tenantRoute, type Route } from '../http/define-route.ts';
import { multipartUploadBodySchema } from '../media/multipart-upload.ts';
import {
  downloadImportReport,
  getContactImport,
  listContactImports,
  previewContactImport,
} from './list-contact-imports.ts';
import { cancelContactImport, startContactImport } from './manage-contact-imports.ts';
import {
  contactImportPageSchema,
  contactImportParamsSchema,
  contactImportSchema,
  importOptionsSchema,
  importPreviewSchema,
  importValidationSchema,
  listContactImportsQuerySchema,
} from './schemas.ts';
import { uploadContactImport } from './upload-contact-import.ts';
import { validateContactImport } from './validate-contact-import.ts';

const tag = 'Contact imports';
const permission = 'contacts.manage' as const;
const params = contactImportParamsSchema;
const mappingExample = {
  mapping: { Phone: 'phone', Name: 'name', Plan: 'fields.plan', Notes: null },
  onExisting: 'update',
  tags: ['spring-fair'],
  defaultCountry: 'US',
};

export const contactImportRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/contact-imports',
    tag,
    summary: 'Imports, newest first, with their status and counts',
    permission,
    query: listContactImportsQuerySchema,
    response: contactImportPageSchema,
    handler: ({ query }, ctx) => listContactImports(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/contact-imports',
    tag,
    summary: 'Upload a CSV or Excel file to import (multipart/form-data, part `file`)',
    description:
      'Send `multipart/form-data` with the file in a part named `file`: CSV (comma, semicolon or tab separated, UTF-8) or Excel .xlsx (first sheet), up to 50 MB, with a header row naming the columns. Another type is a 400 naming `file`; a file that cannot be read to its end (bad CSV quoting, a damaged workbook, no header row, no rows) a 422 naming `file`. Answers the columns, the first 20 rows, the row count and a suggested mapping; nothing is imported yet.',
    permission,
    body: multipartUploadBodySchema,
    response: importPreviewSchema,
    successStatus: 201,
    handler: ({ body }, ctx) => uploadContactImport(body.file, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/contact-imports/:importId',
    tag,
    summary: 'One import: status, progress (processedRows of totalRows) and counts',
    permission,
    params,
    response: contactImportSchema,
    handler: ({ params }, ctx) => getContactImport(params.importId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/contact-imports/:importId/preview',
    tag,
    summary: "The file's columns and first rows again, with the saved or suggested mapping",
    permission,
    params,
    response: importPreviewSchema,
    handler: ({ params }, ctx) => previewContactImport(params.importId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/contact-imports/:importId/validate',
    tag,
    summary: 'Check every row against a mapping before importing (row, column and message per error)',
    description:
      '`mapping` maps each column name to `phone`, `name`, `email`, `language`, `timeZone`, `optInStatus`, `tags` or `fields.<custom field key>`, or to null to ignore it. The phone number must be mapped, and so must required custom fields (400 naming `mapping`). Nothing is written.',
    permission,
    params,
    body: importOptionsSchema,
    response: importValidationSchema,
    example: { body: mappingExample },
    handler: ({ params, body }, ctx) => validateContactImport(params.importId, body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/contact-imports/:importId/start',
    tag,
    summary: 'Import the file with this mapping (runs in the background; poll the import for progress)',
    description:
      'Takes the same body as /validate. Rows with errors are skipped and listed in the report; `onExisting` decides whether a phone number already in the workspace updates its contact or is left alone. An import starts once (409 afterwards).',
    permission,
    params,
    body: importOptionsSchema,
    response: contactImportSchema,
    successStatus: 202,
    example: { body: mappingExample },
    handler: ({ params, body }, ctx) => startContactImport(params.importId, body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/contact-imports/:importId/cancel',
    tag,
    summary: 'Cancel an import: it stops before its next chunk (contacts already imported stay)',
    permission,
    params,
    response: contactImportSchema,
    handler: ({ params }, ctx) => cancelContactImport(params.importId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/contact-imports/:importId/report',
    tag,
    summary: 'The rejected rows as CSV: the original cells and an `error` column',
    permission,
    params,
    response: fileResponseSchema,
    file: { contentType: 'text/csv; charset=utf-8' },
    handler: ({ params }, ctx) => downloadImportReport(params.importId, ctx),
  }),
];
