// A Matroska (Simple)Block's frames: track number, 16-bit relative timecode, flags, then either
// one frame or several laced ones (Matroska spec §10.3 "Block Lacing": Xiph, fixed-size or EBML).
import { MalformedWebmError } from './malformed-webm-error.ts';
import { readVint } from './vint.ts';

export type BlockFrames = { trackNumber: number; frames: Buffer[] };

const NO_LACING = 0;
const XIPH = 1;
const FIXED = 2;
const EBML = 3;

export function readBlockFrames(block: Buffer): BlockFrames {
  const track = readVint(block, 0);
  let position = track.length + 2;
  const flags = block[position++];
  if (flags === undefined) {
    throw new MalformedWebmError('holds a block cut short');
  }
  const lacing = (flags >> 1) & 0x03;
  if (lacing === NO_LACING) {
    return { trackNumber: track.value, frames: [block.subarray(position)] };
  }
  const count = (block[position++] ?? 0) + 1;
  const sizes: number[] = [];
  if (lacing === XIPH) {
    for (let i = 0; i < count - 1; i++) {
      let size = 0;
      let byte: number;
      do {
        byte = block[position++] ?? fail();
        size += byte;
      } while (byte === 255);
      sizes.push(size);
    }
  } else if (lacing === EBML) {
    const first = readVint(block, position);
    position += first.length;
    sizes.push(first.value);
    for (let i = 1; i < count - 1; i++) {
      const delta = readVint(block, position);
      position += delta.length;
      // Signed: the raw number minus half its range (2^(7·length − 1) − 1).
      sizes.push(sizes[i - 1]! + delta.value - (2 ** (7 * delta.length - 1) - 1));
    }
  }
  const remaining = block.length - position;
  if (lacing === FIXED) {
    if (remaining % count !== 0) {
      fail();
    }
    sizes.push(...Array<number>(count - 1).fill(remaining / count));
  }
  const laced = sizes.reduce((sum, size) => sum + size, 0);
  if (sizes.some((size) => size < 0) || laced > remaining) {
    fail();
  }
  sizes.push(remaining - laced);
  const frames = sizes.map((size) => {
    const frame = block.subarray(position, position + size);
    position += size;
    return frame;
  });
  return { trackNumber: track.value, frames };
}

function fail(): never {
  throw new MalformedWebmError('holds a block whose laced frame sizes do not add up');
}
