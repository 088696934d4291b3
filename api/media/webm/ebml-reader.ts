// Reads the Opus audio out of a WebM (Matroska) file, as Chromium's MediaRecorder writes it:
// the track's CodecPrivate (the OpusHead) and every Opus packet in order. Only the elements on the
// way are parsed (Segment → Tracks → TrackEntry, Segment → Cluster → SimpleBlock / BlockGroup →
// Block); the rest are skipped by size. Segment and Cluster may have an unknown size (a live
// recording does not know its length), so masters are read as a flat run of their children.
import { readBlockFrames } from './block-frames.ts';
import { MalformedWebmError } from './malformed-webm-error.ts';
import { readVint } from './vint.ts';

export type OpusTrack = { codecPrivate: Buffer; packets: Buffer[] };

const ID = {
  EBML: 0x1a45dfa3,
  DocType: 0x4282,
  Segment: 0x18538067,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  CodecID: 0x86,
  CodecPrivate: 0x63a2,
  Cluster: 0x1f43b675,
  BlockGroup: 0xa0,
  Block: 0xa1,
  SimpleBlock: 0xa3,
} as const;

/** Masters whose children are read in place (their own size, possibly unknown, is ignored). */
const DESCEND = new Set<number>([ID.Segment, ID.Tracks, ID.Cluster, ID.BlockGroup]);

type Track = { number: number | null; codecId: string | null; codecPrivate: Buffer | null };

export function readOpusTrack(bytes: Buffer): OpusTrack {
  const reader = new ElementReader(bytes);
  const first = reader.next();
  if (first?.id !== ID.EBML) {
    throw new MalformedWebmError('does not start with an EBML header');
  }
  const docType = findChild(bytes.subarray(first.start, first.end), ID.DocType)?.toString('latin1');
  if (docType !== 'webm' && docType !== 'matroska') {
    throw new MalformedWebmError(`is a ${docType ?? 'unknown'} EBML document, not WebM`);
  }
  const tracks: Track[] = [];
  let opus: Track | null = null;
  const packets: Buffer[] = [];
  for (let element = reader.next(); element; element = reader.next()) {
    if (DESCEND.has(element.id)) {
      reader.enter(element);
    } else if (element.id === ID.TrackEntry) {
      tracks.push(readTrackEntry(bytes.subarray(element.start, element.end)));
    } else if (element.id === ID.SimpleBlock || element.id === ID.Block) {
      opus ??= tracks.find((track) => track.codecId === 'A_OPUS') ?? null;
      if (!opus) {
        throw new MalformedWebmError('has no Opus audio track before its first block');
      }
      const block = readBlockFrames(bytes.subarray(element.start, element.end));
      if (block.trackNumber === opus.number) {
        packets.push(...block.frames);
      }
    }
  }
  opus ??= tracks.find((track) => track.codecId === 'A_OPUS') ?? null;
  if (!opus) {
    throw new MalformedWebmError('has no Opus audio track');
  }
  if (!opus.codecPrivate) {
    throw new MalformedWebmError('has an Opus track without its OpusHead (CodecPrivate)');
  }
  return { codecPrivate: opus.codecPrivate, packets };
}

function readTrackEntry(body: Buffer): Track {
  const number = findChild(body, ID.TrackNumber);
  return {
    number: number ? readUnsigned(number) : null,
    codecId: findChild(body, ID.CodecID)?.toString('latin1').replace(/\0+$/, '') ?? null,
    codecPrivate: findChild(body, ID.CodecPrivate) ?? null,
  };
}

/** The payload of the first direct child with this id (none of these children has an unknown size). */
function findChild(body: Buffer, id: number): Buffer | undefined {
  const reader = new ElementReader(body);
  for (let element = reader.next(); element; element = reader.next()) {
    if (element.id === id) {
      return body.subarray(element.start, element.end);
    }
  }
  return undefined;
}

function readUnsigned(bytes: Buffer): number {
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

type Element = { id: number; start: number; end: number };

/** Walks elements one after another; `enter` steps into a master instead of over it. */
class ElementReader {
  private position = 0;

  constructor(private readonly bytes: Buffer) {}

  next(): Element | null {
    if (this.position >= this.bytes.length) {
      return null;
    }
    const id = readVint(this.bytes, this.position);
    if (id.length > 4) {
      throw new MalformedWebmError('holds an invalid element id');
    }
    const size = readVint(this.bytes, this.position + id.length);
    const start = this.position + id.length + size.length;
    if (size.allOnes) {
      if (!DESCEND.has(id.withMarker)) {
        throw new MalformedWebmError('has an element of unknown size that cannot be read');
      }
      this.position = start;
      return { id: id.withMarker, start, end: this.bytes.length };
    }
    const end = start + size.value;
    if (end > this.bytes.length) {
      throw new MalformedWebmError('ends in the middle of an element (the recording is cut short)');
    }
    this.position = end;
    return { id: id.withMarker, start, end };
  }

  enter(element: Element): void {
    this.position = element.start;
  }
}
