// Send media: the type, where the file comes from (a public link, or the workspace's library,
// which can also take a WhatsApp media id), and the caption and file name only where WhatsApp
// shows them.
import { useState } from 'react';
import { ChoiceField } from '../controls/choice-field.tsx';
import { SpecField } from '../controls/spec-field.tsx';
import { specProps, type EditorProps } from './editor-props.ts';
import { MediaLibraryPicker } from './media-library-picker.tsx';

type Source = 'link' | 'id';
const SOURCES = [
  { value: 'link' as const, label: 'From a link' },
  { value: 'id' as const, label: 'From your library' },
];

export function SendMediaEditor(props: EditorProps<'send_media'>) {
  const { data, onChange } = props;
  const [source, setSource] = useState<Source>(data.mediaId !== '' && data.link === '' ? 'id' : 'link');
  const choose = (next: Source) => {
    setSource(next);
    // Only one source is sent: the other is cleared so the node never holds both.
    onChange(next === 'link' ? { ...data, mediaId: '' } : { ...data, link: '' });
  };
  const { mediaType } = data;
  const hasCaption = mediaType !== 'audio' && mediaType !== 'sticker';
  return (
    <>
      <SpecField {...specProps('send_media', props, 'mediaType')} />
      <div className="inspector-group">
        <ChoiceField label="Where the file comes from" value={source} options={SOURCES} onChange={choose} />
        {source === 'link' && <SpecField {...specProps('send_media', props, 'link')} />}
        {source === 'id' && mediaType !== 'sticker' && (
          <MediaLibraryPicker
            kind={mediaType}
            value={data.mediaId}
            onChange={(mediaId) => onChange({ ...data, mediaId })}
          />
        )}
        {source === 'id' && (
          <SpecField
            {...specProps('send_media', props, 'mediaId')}
            spec={{
              kind: 'text',
              label: mediaType === 'sticker' ? 'WhatsApp media id' : 'Media id',
              hint:
                mediaType === 'sticker'
                  ? 'Stickers are not kept in the library.'
                  : 'Chosen above, or a WhatsApp media id.',
            }}
          />
        )}
      </div>
      {hasCaption ? (
        <SpecField {...specProps('send_media', props, 'caption')} />
      ) : (
        <p className="inspector-note">
          WhatsApp shows {mediaType === 'audio' ? 'audio' : 'stickers'} without a caption.
        </p>
      )}
      {mediaType === 'document' && <SpecField {...specProps('send_media', props, 'filename')} />}
    </>
  );
}
