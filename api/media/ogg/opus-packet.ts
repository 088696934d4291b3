// How long an Opus packet plays, from its TOC byte (RFC 6716 §3.1): the configuration (top five
// bits) gives the frame duration, the code (low two bits) the number of frames. Counted in
// 48 kHz samples, the unit of Ogg Opus granule positions (RFC 7845 §4).

/** Samples per frame by configuration: SILK 10/20/40/60 ms, Hybrid 10/20 ms, CELT 2.5/5/10/20 ms. */
const FRAME_SAMPLES = [
  ...[480, 960, 1920, 2880, 480, 960, 1920, 2880, 480, 960, 1920, 2880],
  ...[480, 960, 480, 960],
  ...[120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960, 120, 240, 480, 960],
];

/** At most 120 ms of audio per packet. */
const MAX_PACKET_SAMPLES = 5760;

/** The packet's duration in 48 kHz samples, or null when it is not a valid Opus packet. */
export function opusPacketSamples(packet: Uint8Array): number | null {
  const toc = packet[0];
  if (toc === undefined) {
    return null;
  }
  const code = toc & 0x03;
  let frames: number;
  if (code === 0) {
    frames = 1;
  } else if (code === 1 || code === 2) {
    frames = 2;
  } else {
    const count = packet[1];
    if (count === undefined) {
      return null;
    }
    frames = count & 0x3f;
  }
  const samples = frames * FRAME_SAMPLES[toc >> 3]!;
  return samples > 0 && samples <= MAX_PACKET_SAMPLES ? samples : null;
}
