/** A WebM file that cannot be read as an Opus recording; the message says why ("has no …"). */
export class MalformedWebmError extends Error {
  override name = 'MalformedWebmError';
}
