// Writes one logical Ogg bitstream (RFC 3533): packets are cut into lacing values (255 per full
// 255-byte segment, then one below 255, 0 when the length is a multiple of 255), up to 255
// segments a page; a packet that does not fit goes on over the next page, marked "continued".
// A page's granule position is the caller's value for the last packet that ends on it, or −1 when
// none does. The first page is marked beginning-of-stream, the last end-of-stream.
import { oggCrc } from './ogg-crc.ts';

const CONTINUED = 0x01;
const BEGINNING = 0x02;
const END = 0x04;
const NO_GRANULE = -1n;

type Page = { continued: boolean; granule: bigint; lacing: number[]; body: Buffer[] };

export class OggWriter {
  private readonly pages: Page[] = [];
  private page: Page = newPage(false);

  constructor(private readonly serial: number) {}

  /** Adds a packet; `flush` ends the page after it (the next packet starts a new page). */
  write(packet: Buffer, granule: bigint, { flush = false } = {}): void {
    const values = [...Array<number>(Math.floor(packet.length / 255)).fill(255), packet.length % 255];
    let offset = 0;
    for (const [index, value] of values.entries()) {
      if (this.page.lacing.length === 255) {
        this.closePage(index > 0);
      }
      this.page.lacing.push(value);
      this.page.body.push(packet.subarray(offset, offset + value));
      offset += value;
    }
    this.page.granule = granule;
    if (flush) {
      this.closePage(false);
    }
  }

  /** The whole stream, its last page marked end-of-stream. */
  end(): Buffer {
    if (this.page.lacing.length > 0) {
      this.closePage(false);
    }
    return Buffer.concat(this.pages.map((page, sequence) => this.serialise(page, sequence)));
  }

  private closePage(midPacket: boolean): void {
    this.pages.push(this.page);
    this.page = newPage(midPacket);
  }

  private serialise(page: Page, sequence: number): Buffer {
    const header = Buffer.alloc(27 + page.lacing.length);
    header.write('OggS', 0, 'latin1');
    header[4] = 0; // stream structure version
    header[5] =
      (page.continued ? CONTINUED : 0) |
      (sequence === 0 ? BEGINNING : 0) |
      (sequence === this.pages.length - 1 ? END : 0);
    header.writeBigInt64LE(page.granule, 6);
    header.writeUInt32LE(this.serial, 14);
    header.writeUInt32LE(sequence, 18);
    header.writeUInt32LE(0, 22); // checksum, filled in below
    header[26] = page.lacing.length;
    Buffer.from(page.lacing).copy(header, 27);
    const bytes = Buffer.concat([header, ...page.body]);
    bytes.writeUInt32LE(oggCrc(bytes), 22);
    return bytes;
  }
}

function newPage(continued: boolean): Page {
  return { continued, granule: NO_GRANULE, lacing: [], body: [] };
}
