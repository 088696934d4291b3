// Smallest byte strings with the right signatures for each media type (the simulator sniffs them).
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF sample')]);
export const PDF = Buffer.from('%PDF-1.4\n% sample\n');
export const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(24, 1)]);
export const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(12, 2)]);
export const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(14),
]);

export function uploadForm(bytes: Buffer, mimeType: string, filename = 'file.bin', messagingProduct = true): FormData {
  const form = new FormData();
  if (messagingProduct) {
    form.set('messaging_product', 'whatsapp');
  }
  form.set('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), filename);
  return form;
}
