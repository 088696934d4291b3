// An image, video, audio, document or sticker, by public link (a template) or uploaded media id.
import { z } from 'zod';
import { templateText } from '../shared/fields.ts';

export const SEND_MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;

export const sendMediaDataSchema = z.object({
  mediaType: z.enum(SEND_MEDIA_TYPES).default('image'),
  link: templateText,
  mediaId: z.string().default(''),
  /** Not sent for audio and stickers, which WhatsApp shows without captions. */
  caption: templateText,
  /** Documents only: the file name the customer sees. */
  filename: templateText,
});
export type SendMediaData = z.output<typeof sendMediaDataSchema>;
