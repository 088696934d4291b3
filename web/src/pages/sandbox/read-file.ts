// A file picked on the phone becomes the simulator's upload: base64 data with its MIME type.
import type { CustomerMessage } from '../../api/sandbox-api.ts';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export async function fileToMessage(file: File): Promise<CustomerMessage> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new Error(`${file.name} is ${formatSize(file.size)}: the Sandbox phone sends files up to 5 MB.`);
  }
  const mimeType = file.type || 'application/octet-stream';
  const data = await readBase64(file);
  const kind = ['image', 'video', 'audio'].find((prefix) => mimeType.startsWith(`${prefix}/`)) ?? 'document';
  return { type: kind, [kind]: kind === 'document' ? { data, mimeType, filename: file.name } : { data, mimeType } };
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data URL is "data:<type>;base64,<data>": the simulator wants the data alone.
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`${file.name} could not be read`));
    reader.readAsDataURL(file);
  });
}

export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
