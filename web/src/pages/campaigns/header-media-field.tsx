// The file a media-header template sends as its header: the template's own (the sample it was
// created with) unless the marketer picks another file of the media library.
import type { MediaItem } from '#api/media/schemas';
import type { HeaderMediaFormat } from '#api/templates/schemas';
import { useMediaLibrary } from '../../api/media-api.ts';
import { Field } from '../../forms/field.tsx';
import { errorAt } from './campaign-form.ts';
import { fieldId, type SectionProps } from './editor-types.ts';

type Props = {
  path: string;
  format: HeaderMediaFormat;
  /** The template's own file, if Parley has it. */
  templateMediaId: string | null;
  value: string;
  errors: SectionProps['errors'];
  onChange: (mediaId: string) => void;
};

export function HeaderMediaField({ path, format, templateMediaId, value, errors, onChange }: Props) {
  const library = useMediaLibrary(format);
  const id = fieldId(`${path}.message.headerMediaId`);
  const files = library.data?.items ?? [];
  return (
    <Field
      id={id}
      label={`Header ${format}`}
      hint={
        library.isPending
          ? 'Loading the media library…'
          : files.length === 0
            ? `Upload ${format === 'image' ? 'an image' : `a ${format}`} on the Media page to send another one.`
            : undefined
      }
      error={errorAt(errors, `${path}.message.headerMediaId`)}
    >
      <select id={id} className="input select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{templateMediaId ? `The template’s own ${format}` : `Choose ${articled(format)}`}</option>
        {files
          .filter((file) => file.id !== templateMediaId)
          .map((file) => (
            <option key={file.id} value={file.id}>
              {file.filename ?? 'Untitled'}
            </option>
          ))}
      </select>
    </Field>
  );
}

/** The library file the header would send, for the preview. */
export function useHeaderMediaFile(format: HeaderMediaFormat | null, mediaId: string | null): MediaItem | null {
  const library = useMediaLibrary(format ?? 'image', format !== null);
  return (format && mediaId && library.data?.items.find((file) => file.id === mediaId)) || null;
}

function articled(format: HeaderMediaFormat): string {
  return format === 'image' ? 'an image' : `a ${format}`;
}
