// A template whose header is an image, a video or a document needs that file in every send:
// WhatsApp refuses the send without it (132012). By default Parley sends the media-library file
// the template was created with (its sample); a campaign may choose another library file.
import { fromMetaComponents } from './meta-components.ts';
import type { HeaderMediaFormat } from './schemas.ts';

/** The template's media header (format, and its library file if Parley has one); null for none. */
export function mediaHeaderOf(components: unknown): { format: HeaderMediaFormat; mediaId: string | null } | null {
  const header = fromMetaComponents(components).header;
  return header && header.format !== 'text' ? { format: header.format, mediaId: header.mediaId } : null;
}

/** The send's header component naming a media-library file (uploaded to the number when sent). */
export function headerMediaComponent(format: HeaderMediaFormat, libraryMediaId: string) {
  return { type: 'header' as const, parameters: [{ type: format, [format]: { id: libraryMediaId } }] };
}

/**
 * The template to send: with the stored template's own header file when its header is media and
 * the send names none. Every send path applies it where it checks the stored template (send-check.ts).
 */
export function withDefaultHeader<T extends { components?: Array<{ type: string }> }>(
  template: T,
  storedComponents: unknown,
): T {
  if (template.components?.some((c) => c.type === 'header')) {
    return template;
  }
  const header = mediaHeaderOf(storedComponents);
  if (!header?.mediaId) {
    return template; // nothing to send: WhatsApp's refusal (132012) will say what is missing
  }
  return {
    ...template,
    components: [headerMediaComponent(header.format, header.mediaId), ...(template.components ?? [])],
  };
}
