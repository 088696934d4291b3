import type { SendMediaData } from './schema.ts';

export const sendMediaDefaults = {
  mediaType: 'image',
  link: '',
  mediaId: '',
  caption: '',
  filename: '',
} satisfies SendMediaData;
