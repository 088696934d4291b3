// Voice notes from Chromium: its MediaRecorder records only WebM with Opus inside, and WhatsApp
// plays voice notes only as Ogg with Opus inside. The audio itself is the same, so this moves the
// Opus packets from one container to the other without decoding them (RFC 7845, "Ogg Encapsulation
// for the Opus Audio Codec"): page 1 holds the OpusHead (the WebM track's CodecPrivate), page 2 the
// OpusTags, the rest the packets, each page stamped with the 48 kHz sample count at its last packet.
import { randomBytes } from 'node:crypto';
import { OggWriter } from './ogg/ogg-writer.ts';
import { opusPacketSamples } from './ogg/opus-packet.ts';
import { readOpusTrack } from './webm/ebml-reader.ts';
import { MalformedWebmError } from './webm/malformed-webm-error.ts';

export { MalformedWebmError };

export type RemuxedOpus = { bytes: Buffer; durationMs: number; packets: number };

/** About one second of audio a page, as Opus encoders write them. */
const PAGE_SAMPLES = 48_000;

/** Throws MalformedWebmError (its message completes "The file …") when the WebM cannot be read. */
export function webmToOgg(webm: Buffer, serial = randomBytes(4).readUInt32LE(0)): RemuxedOpus {
  const track = readOpusTrack(webm);
  const preSkip = readOpusHead(track.codecPrivate);
  if (track.packets.length === 0) {
    throw new MalformedWebmError('holds no audio');
  }
  const ogg = new OggWriter(serial);
  ogg.write(track.codecPrivate, 0n, { flush: true });
  ogg.write(opusTags(), 0n, { flush: true });
  let granule = 0;
  let pageStart = 0;
  for (const packet of track.packets) {
    const samples = opusPacketSamples(packet);
    if (samples === null) {
      throw new MalformedWebmError('holds a packet that is not Opus audio');
    }
    granule += samples;
    const flush = granule - pageStart >= PAGE_SAMPLES;
    ogg.write(packet, BigInt(granule), { flush });
    if (flush) {
      pageStart = granule;
    }
  }
  return {
    bytes: ogg.end(),
    durationMs: Math.round((Math.max(0, granule - preSkip) / 48_000) * 1000),
    packets: track.packets.length,
  };
}

/** Checks the identification header (RFC 7845 §5.1) and returns its pre-skip. */
function readOpusHead(head: Buffer): number {
  if (head.length < 19 || head.subarray(0, 8).toString('latin1') !== 'OpusHead') {
    throw new MalformedWebmError('has an Opus track without a valid OpusHead');
  }
  if (head[8]! >> 4 !== 0 || head[9] === 0) {
    throw new MalformedWebmError('has an OpusHead of an unsupported version or with no channels');
  }
  return head.readUInt16LE(10);
}

/** The comment header (RFC 7845 §5.2): a vendor string and no comments. */
function opusTags(): Buffer {
  const vendor = Buffer.from('Parley (remuxed from WebM)', 'utf8');
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'latin1');
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + vendor.length);
  return tags;
}
