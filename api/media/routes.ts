// The media library: files a flow's send_media node or an agent's message sends by id. Reading is
// for flow viewers, uploading for flow editors, and agents upload their attachments.
import { idParamSchema } from '../common/schemas.ts';
import { tenantRoute, type Route } from '../http/define-route.ts';
import { listMedia } from './list-media.ts';
import { deleteMedia, getMedia, renameMedia } from './manage-media.ts';
import { multipartUploadBodySchema } from './multipart-upload.ts';
import {
  listMediaQuerySchema,
  mediaItemSchema,
  mediaPageSchema,
  mediaStorageSchema,
  renameMediaInputSchema,
} from './schemas.ts';
import { getMediaStorage } from './storage-quota.ts';
import { uploadMedia } from './upload-media.ts';

const tag = 'Media';
const mediaParamsSchema = idParamSchema('mediaId');

export const mediaRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/media',
    tag,
    summary: 'Media library: uploaded images, videos, audio and documents',
    description:
      'Only files uploaded to Parley (never media customers sent). `kind` filters by image, video, audio or document, `search` by part of the file name; `sort` is newest (default), oldest, name or largest. Each file has its `usage` (messages that sent it, flows and templates that name it); `url` is a signed link valid for 10 minutes.',
    permission: 'flows.view',
    query: listMediaQuerySchema,
    response: mediaPageSchema,
    handler: ({ query }, ctx) => listMedia(query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/media',
    tag,
    summary: 'Upload a file to the media library (multipart/form-data, part `file`)',
    description:
      "Send `multipart/form-data` with the file in a part named `file` (not JSON). Accepted: what WhatsApp sends, within its size for the kind (images 5 MB: JPEG, PNG; video 16 MB: MP4, 3GPP; audio 16 MB: AAC, AMR, MP3, M4A, OGG; documents 100 MB: TXT, PDF, Office). Images up to 25 MB are accepted and optimised (upright, at most 1600 px a side, metadata stripped, re-encoded) to fit 5 MB; WebM/Opus voice notes are stored as Ogg/Opus. Anything else is a 400 naming `file`; a file that would pass the workspace's storage quota is a 413 naming `file` with `usedBytes` and `quotaBytes`. A send_media node sends it with `mediaId` set to the returned `id`.",
    permission: 'flows.manage',
    body: multipartUploadBodySchema,
    response: mediaItemSchema,
    successStatus: 201,
    handler: ({ body }, ctx) => uploadMedia(body.file, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/media/storage',
    tag,
    summary: "The workspace's media storage: bytes used by library files, and the quota",
    permission: 'flows.view',
    response: mediaStorageSchema,
    handler: (_input, ctx) => getMediaStorage(ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/media/:mediaId',
    tag,
    summary: 'One library file with its usage',
    permission: 'flows.view',
    params: mediaParamsSchema,
    response: mediaItemSchema,
    handler: ({ params }, ctx) => getMedia(params.mediaId, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/media/:mediaId',
    tag,
    summary: 'Rename a library file',
    permission: 'flows.manage',
    params: mediaParamsSchema,
    body: renameMediaInputSchema,
    response: mediaItemSchema,
    handler: ({ params, body }, ctx) => renameMedia(params.mediaId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/media/:mediaId',
    tag,
    summary: 'Delete a library file (a 409 while a published flow sends it)',
    description:
      'Messages that sent it keep their text and lose the attachment; drafts and templates that name it will ask for another file. A file sent by a published flow is refused with a 409 naming `mediaId` and the flows.',
    permission: 'flows.manage',
    params: mediaParamsSchema,
    handler: ({ params }, ctx) => deleteMedia(params.mediaId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/inbox/attachments',
    tag,
    summary: 'Upload an attachment to send in a conversation (multipart/form-data, part `file`)',
    description:
      'The same as POST /api/media for members who reply in the inbox: the file joins the media library, and POST /api/messages sends it with `content.<type>.id` set to the returned `id`.',
    permission: 'inbox.reply',
    body: multipartUploadBodySchema,
    response: mediaItemSchema,
    successStatus: 201,
    handler: ({ body }, ctx) => uploadMedia(body.file, ctx),
  }),
];
