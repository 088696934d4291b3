// Chromium's voice notes (WebM/Opus) moved into Ogg/Opus without re-encoding: a real recording from
// headless Chromium (tests/fixtures/media/voice-note.webm: a 440 Hz tone through MediaRecorder)
// and hand-built WebM files with laced blocks, read back page by page with an independent parser.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OggWriter } from '../../../api/media/ogg/ogg-writer.ts';
import { opusPacketSamples } from '../../../api/media/ogg/opus-packet.ts';
import { MalformedWebmError, webmToOgg } from '../../../api/media/webm-to-ogg.ts';

const RECORDING = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'media', 'voice-note.webm'));

type OggPage = {
  flags: number;
  granule: bigint;
  serial: number;
  sequence: number;
  crcValid: boolean;
  lacing: number[];
  body: Buffer;
};

/** Bit by bit, as RFC 3533 describes it (the writer uses a table). */
function crc(bytes: Buffer): number {
  let value = 0;
  for (const byte of bytes) {
    value ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) {
      value = value & 0x80000000 ? (value << 1) ^ 0x04c11db7 : value << 1;
    }
  }
  return value >>> 0;
}

function readPages(ogg: Buffer): OggPage[] {
  const pages: OggPage[] = [];
  let at = 0;
  while (at < ogg.length) {
    expect(ogg.subarray(at, at + 4).toString('latin1')).toBe('OggS');
    expect(ogg[at + 4]).toBe(0);
    const count = ogg[at + 26]!;
    const lacing = [...ogg.subarray(at + 27, at + 27 + count)];
    const length = 27 + count + lacing.reduce((a, b) => a + b, 0);
    const page = Buffer.from(ogg.subarray(at, at + length));
    const stored = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    pages.push({
      flags: page[5]!,
      granule: page.readBigInt64LE(6),
      serial: page.readUInt32LE(14),
      sequence: page.readUInt32LE(18),
      crcValid: crc(page) === stored,
      lacing,
      body: page.subarray(27 + count),
    });
    at += length;
  }
  return pages;
}

/** Packets by reassembling lacing values across pages, with the page each one ends on. */
function readPackets(pages: OggPage[]): Array<{ data: Buffer; page: number }> {
  const packets: Array<{ data: Buffer; page: number }> = [];
  let pending: Buffer[] = [];
  pages.forEach((page, index) => {
    let offset = 0;
    for (const value of page.lacing) {
      pending.push(page.body.subarray(offset, offset + value));
      offset += value;
      if (value < 255) {
        packets.push({ data: Buffer.concat(pending), page: index });
        pending = [];
      }
    }
  });
  expect(pending).toEqual([]);
  return packets;
}

describe('[media] WebM/Opus to Ogg/Opus', () => {
  it("remuxes Chromium's recording into a valid Ogg Opus stream with the same packets", () => {
    const result = webmToOgg(RECORDING, 0x5eed);
    const pages = readPages(result.bytes);
    expect(pages.every((page) => page.crcValid)).toBe(true);
    expect(pages.every((page) => page.serial === 0x5eed)).toBe(true);
    expect(pages.map((page) => page.sequence)).toEqual(pages.map((_page, index) => index));
    // BOS on the first page only, EOS on the last only, nothing continued (packets are small).
    expect(pages.map((page) => page.flags)).toEqual([0x02, ...Array(pages.length - 2).fill(0), 0x04]);

    const packets = readPackets(pages);
    const head = packets[0]!;
    expect(head.page).toBe(0);
    expect(pages[0]!.lacing).toHaveLength(1);
    expect(head.data.subarray(0, 8).toString('latin1')).toBe('OpusHead');
    expect(head.data[9]).toBe(2); // Chromium records stereo
    expect(head.data.readUInt32LE(12)).toBe(48_000);
    const tags = packets[1]!;
    expect(tags.page).toBe(1);
    expect(pages[1]!.lacing).toEqual([tags.data.length]); // alone on its page
    expect(tags.data.subarray(0, 8).toString('latin1')).toBe('OpusTags');
    expect(pages[0]!.granule).toBe(0n);
    expect(pages[1]!.granule).toBe(0n);

    const audio = packets.slice(2);
    expect(audio.length).toBe(result.packets);
    expect(audio.length).toBeGreaterThan(10);
    expect(audio.every((packet) => packet.page >= 2)).toBe(true);
    // Each audio page's granule is the running 48 kHz sample count at its last packet.
    let samples = 0n;
    const expected = new Map<number, bigint>();
    for (const packet of audio) {
      samples += BigInt(opusPacketSamples(packet.data)!);
      expected.set(packet.page, samples);
    }
    const granules = pages.slice(2).map((page) => page.granule);
    expect(granules).toEqual([...expected.values()]);
    expect(granules).toEqual([...granules].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(granules).size).toBe(granules.length);
    // The recording ran 1.5 s; MediaRecorder keeps about that much.
    const preSkip = head.data.readUInt16LE(10);
    expect(result.durationMs).toBe(Math.round((Number(samples - BigInt(preSkip)) / 48_000) * 1000));
    expect(result.durationMs).toBeGreaterThan(1000);
    expect(result.durationMs).toBeLessThan(2000);
    // Every Opus byte of the recording is in the Ogg file, once.
    const audioBytes = audio.reduce((sum, packet) => sum + packet.data.length, 0);
    expect(audioBytes).toBeLessThan(RECORDING.length);
    expect(audioBytes).toBeGreaterThan(RECORDING.length * 0.9);
  });

  it('reads laced blocks (Xiph, EBML and fixed-size) inside BlockGroups and ignores other tracks', () => {
    const a = opusPacket(0xfc, 10); // CELT 20 ms, one frame: 960 samples
    const b = opusPacket(0xfc, 300);
    const c = opusPacket(0xfd, 40); // two frames of 20 ms: 1920 samples
    const webm = buildWebm([
      simpleBlock(1, [a]),
      blockGroup(1, [a, b, c], 'xiph'),
      blockGroup(1, [c, a, b], 'ebml'),
      simpleBlock(1, [a, a, a], 'fixed'),
      simpleBlock(2, [Buffer.from('video frame')]),
    ]);
    const packets = readPackets(readPages(webmToOgg(webm).bytes)).slice(2);
    expect(packets.map((p) => p.data.length)).toEqual([10, 10, 300, 40, 40, 10, 300, 10, 10, 10]);
    expect(packets[2]!.data.equals(b)).toBe(true);
  });

  it('carries a packet larger than a page over the next page, marked continued', () => {
    const writer = new OggWriter(7);
    writer.write(Buffer.from('head'), 0n, { flush: true });
    const big = Buffer.alloc(255 * 300, 1);
    writer.write(big, 960n);
    writer.write(Buffer.alloc(255 * 255 - 5, 2), 1920n);
    const pages = readPages(writer.end());
    expect(pages.map((p) => [p.flags, p.granule, p.lacing.length])).toEqual([
      [0x02, 0n, 1],
      [0x00, -1n, 255], // no packet ends on it
      [0x01, 960n, 255], // the big packet's end, then the next packet begins
      [0x05, 1920n, 46], // continued and end of stream
    ]);
    const packets = readPackets(pages);
    expect(packets[1]!.data.equals(big)).toBe(true);
    expect(pages.every((p) => p.crcValid)).toBe(true);
  });

  it.each([
    ['not EBML', Buffer.from('OggS but not really a webm file')],
    ['cut short', RECORDING.subarray(0, 2000)],
    ['without an Opus track', buildWebm([simpleBlock(1, [opusPacket(0xfc, 5)])], 'A_VORBIS')],
    ['without audio', buildWebm([])],
    ['holding a packet that is not Opus', buildWebm([simpleBlock(1, [Buffer.from([0x03])])])],
    ['a Matroska document of another kind', Buffer.concat([element(0x1a45dfa3, element(0x4282, Buffer.from('mkvx')))])],
  ])('refuses a WebM file %s with a reason', (_label, bytes) => {
    expect(() => webmToOgg(bytes)).toThrow(MalformedWebmError);
  });
});

function opusPacket(toc: number, length: number): Buffer {
  const packet = Buffer.alloc(length, 0x55);
  packet[0] = toc;
  return packet;
}

function vintSize(size: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(size | 0x10000000);
  return bytes;
}

function element(id: number, body: Buffer): Buffer {
  const idBytes = Buffer.from(
    id.toString(16).padStart(id > 0xffffff ? 8 : id > 0xffff ? 6 : id > 0xff ? 4 : 2, '0'),
    'hex',
  );
  return Buffer.concat([idBytes, vintSize(body.length), body]);
}

function block(track: number, frames: Buffer[], lacing: 'xiph' | 'ebml' | 'fixed' | null): Buffer {
  const flags = lacing ? { xiph: 0x02, fixed: 0x04, ebml: 0x06 }[lacing] : 0;
  const header = Buffer.from([0x80 | track, 0, 0, flags]);
  if (!lacing) {
    return Buffer.concat([header, ...frames]);
  }
  const sizes: number[] = [frames.length - 1];
  const laced = frames.slice(0, -1).map((f) => f.length);
  if (lacing === 'xiph') {
    for (const size of laced) {
      sizes.push(...Array(Math.floor(size / 255)).fill(255), size % 255);
    }
  } else if (lacing === 'ebml') {
    // First size as a 2-byte vint, then signed differences as 2-byte vints (bias 8191).
    const push2 = (value: number) => sizes.push(0x40 | (value >> 8), value & 0xff);
    push2(laced[0]!);
    for (let i = 1; i < laced.length; i++) {
      push2(laced[i]! - laced[i - 1]! + 8191);
    }
  }
  return Buffer.concat([header, Buffer.from(sizes), ...frames]);
}

function simpleBlock(track: number, frames: Buffer[], lacing: 'xiph' | 'ebml' | 'fixed' | null = null): Buffer {
  return element(0xa3, block(track, frames, frames.length > 1 ? lacing : null));
}

function blockGroup(track: number, frames: Buffer[], lacing: 'xiph' | 'ebml' | 'fixed'): Buffer {
  return element(0xa0, element(0xa1, block(track, frames, lacing)));
}

function buildWebm(blocks: Buffer[], codec = 'A_OPUS'): Buffer {
  const opusHead = Buffer.from('4f707573486561640101380180bb0000000000', 'hex');
  const audio = element(
    0xae,
    Buffer.concat([element(0xd7, Buffer.from([1])), element(0x86, Buffer.from(codec)), element(0x63a2, opusHead)]),
  );
  const video = element(0xae, Buffer.concat([element(0xd7, Buffer.from([2])), element(0x86, Buffer.from('V_VP8'))]));
  // The Segment and Cluster of unknown size, as a live recording writes them.
  const unknown = Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  return Buffer.concat([
    element(0x1a45dfa3, element(0x4282, Buffer.from('webm'))),
    Buffer.from([0x18, 0x53, 0x80, 0x67]),
    unknown,
    element(0x1654ae6b, Buffer.concat([audio, video])),
    Buffer.from([0x1f, 0x43, 0xb6, 0x75]),
    unknown,
    element(0xe7, Buffer.from([0])),
    ...blocks,
  ]);
}
