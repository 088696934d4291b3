// Images made ready for WhatsApp on upload (sharp): turned upright by their EXIF orientation,
// scaled down to IMAGE_MAX_SIDE on the longest side, 8-bit sRGB, metadata (EXIF, GPS, ICC)
// stripped, and re-encoded: JPEG at quality 80 (mozjpeg); PNG kept PNG at full compression, or
// turned into a JPEG when it has no transparency and that is smaller. An image that is already
// small, upright and carries no metadata is kept as it came when re-encoding would not shrink it.
// The result must fit WhatsApp's 5 MB; an image over it is accepted when it optimises below.
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../errors.ts';
import { IMAGE_MAX_SIDE, MEDIA_MAX_BYTES } from './schemas.ts';

export type OptimisedImage = { bytes: Buffer; mimeType: string; width: number; height: number };

/** 100 megapixels: larger images are refused before they are decoded (memory). */
const MAX_PIXELS = 100_000_000;
const QUALITY = 80;
/** Tried when quality 80 is still over WhatsApp's limit. */
const FALLBACK_QUALITY = 60;

export async function optimiseImage(bytes: Buffer, mimeType: string): Promise<OptimisedImage> {
  const metadata = await readMetadata(bytes);
  const upright = (metadata.orientation ?? 1) === 1;
  const hasMetadata = Boolean(metadata.exif || metadata.icc || metadata.xmp || metadata.iptc);
  const fits = Math.max(metadata.width, metadata.height) <= IMAGE_MAX_SIDE;
  const canBeJpeg = mimeType === 'image/jpeg' || !metadata.hasAlpha;

  let best = await encode(bytes, mimeType === 'image/png' ? 'png' : 'jpeg', QUALITY);
  if (mimeType === 'image/png' && canBeJpeg) {
    best = smaller(best, await encode(bytes, 'jpeg', QUALITY));
  }
  if (fits && upright && !hasMetadata && metadata.depth === 'uchar' && bytes.length <= best.bytes.length) {
    return { bytes, mimeType, width: metadata.width, height: metadata.height };
  }
  if (best.bytes.length > MEDIA_MAX_BYTES.image) {
    best = smaller(best, await encode(bytes, canBeJpeg ? 'jpeg' : 'png', FALLBACK_QUALITY));
  }
  if (best.bytes.length > MEDIA_MAX_BYTES.image) {
    throw AppError.field(
      'file',
      `is still larger than 5 MB, WhatsApp's limit for images, after optimisation (${formatMb(best.bytes.length)})`,
    );
  }
  return best;
}

async function readMetadata(bytes: Buffer): Promise<Metadata & { width: number; height: number }> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw AppError.field('file', 'is not a readable JPEG or PNG image');
  }
  const { width, height } = metadata;
  if (!width || !height) {
    throw AppError.field('file', 'is not a readable JPEG or PNG image');
  }
  if (width * height > MAX_PIXELS) {
    throw AppError.field('file', `has ${width}×${height} pixels; images up to 100 megapixels are accepted`);
  }
  // Orientations 5–8 turn the image a quarter: its upright width is the stored height.
  return (metadata.orientation ?? 1) >= 5
    ? { ...metadata, width: height, height: width }
    : { ...metadata, width, height };
}

async function encode(bytes: Buffer, format: 'jpeg' | 'png', quality: number): Promise<OptimisedImage> {
  const pipeline = sharp(bytes, { limitInputPixels: MAX_PIXELS })
    .rotate()
    .resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb');
  const encoded =
    format === 'jpeg'
      ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true })
      : pipeline.png({ compressionLevel: 9, adaptiveFiltering: true, palette: quality < QUALITY, quality });
  try {
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, mimeType: `image/${format}`, width: info.width, height: info.height };
  } catch {
    throw AppError.field('file', 'is not a readable JPEG or PNG image');
  }
}

function smaller(a: OptimisedImage, b: OptimisedImage): OptimisedImage {
  return b.bytes.length < a.bytes.length ? b : a;
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
