// The media library: files a flow's send_media node or an agent's message sends by id. Reading is
// for flow viewers, uploading for flow editors, and agents upload their attachments.
import { tenantRoute, type Route } from '../http/define-route.ts';
import { listMedia } from './list-media.ts';
import { multipartUploadBodySchema } from './multipart-upload.ts';
import { listMediaQuerySchema, mediaItemSchema, mediaPageSchema } from './schemas.ts';
import { uploadMedia } from './upload-media.ts';

const tag = 'Media';

export const mediaRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/media',
    tag,
    summary: 'Media library: uploaded images, videos, audio and documents, newest first',
    description:
      'Only files uploaded to Parley (never media customers sent). `kind` filters by image, video, audio or document; `url` is a signed link valid for 10 minutes.',
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
      'Send `multipart/form-data` with the file in a part named `file` (not JSON). Accepted: what WhatsApp sends, within its size for the kind (images 5 MB: JPEG, PNG; video 16 MB: MP4, 3GPP; audio 16 MB: AAC, AMR, MP3, M4A, OGG; documents 100 MB: TXT, PDF, Office). Anything else is a 400 naming `file`. A send_media node sends it with `mediaId` set to the returned `id`.',
    permission: 'flows.manage',
    body: multipartUploadBodySchema,
    response: mediaItemSchema,
    successStatus: 201,
    handler: ({ body }, ctx) => uploadMedia(body.file, ctx),
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
