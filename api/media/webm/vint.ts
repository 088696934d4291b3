// EBML variable-length integers (RFC 8794 §4): the leading zero bits of the first byte give the
// length (1 to 8 bytes). Element ids keep the length marker bit; sizes and lacing numbers drop it,
// and a size of all ones means "unknown".
import { MalformedWebmError } from './malformed-webm-error.ts';

export type Vint = { length: number; value: number; allOnes: boolean; withMarker: number };

export function readVint(bytes: Uint8Array, position: number): Vint {
  const first = bytes[position];
  if (first === undefined) {
    throw new MalformedWebmError('ends in the middle of an element (the recording is cut short)');
  }
  if (first === 0) {
    throw new MalformedWebmError('holds an invalid EBML number');
  }
  const length = Math.clz32(first) - 23;
  if (position + length > bytes.length) {
    throw new MalformedWebmError('ends in the middle of an element (the recording is cut short)');
  }
  let value = first & (0xff >> length);
  let withMarker = first;
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[position + i]!;
    value = value * 256 + byte;
    withMarker = withMarker * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { length, value, allOnes, withMarker };
}
