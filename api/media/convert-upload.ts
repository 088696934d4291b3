// What an upload becomes before it is stored: images are optimised for WhatsApp
// (optimise-image.ts), and a WebM/Opus voice note (Chromium) is moved into Ogg, the container
// WhatsApp plays voice notes from. Everything else is stored as it came.
import { AppError } from '../errors.ts';
import { optimiseImage } from './optimise-image.ts';
import { MalformedWebmError, webmToOgg } from './webm-to-ogg.ts';

export type StoredFile = {
  bytes: Buffer;
  mimeType: string;
  filename: string | null;
  width?: number;
  height?: number;
};

export async function convertUpload(file: StoredFile): Promise<StoredFile> {
  if (file.mimeType === 'audio/webm') {
    return { bytes: remux(file.bytes), mimeType: 'audio/ogg', filename: renamed(file.filename, 'ogg') };
  }
  if (file.mimeType === 'image/jpeg' || file.mimeType === 'image/png') {
    const image = await optimiseImage(file.bytes, file.mimeType);
    const filename = image.mimeType === file.mimeType ? file.filename : renamed(file.filename, 'jpg');
    return { ...image, filename };
  }
  return file;
}

function remux(webm: Buffer): Buffer {
  try {
    return webmToOgg(webm).bytes;
  } catch (error) {
    if (error instanceof MalformedWebmError) {
      throw AppError.field('file', `is not a WebM/Opus recording that can be converted to Ogg: it ${error.message}`);
    }
    throw error;
  }
}

/** `voice-note.webm` → `voice-note.ogg`. */
function renamed(filename: string | null, extension: string): string | null {
  return filename ? `${filename.replace(/\.[^.]*$/, '')}.${extension}` : null;
}
