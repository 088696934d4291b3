// Send media: the type, where the file comes from (a link or an uploaded media id), and the caption
// and file name only where WhatsApp shows them.
import { useState } from 'react';
import { ChoiceField } from '../controls/choice-field.tsx';
import { SpecField } from '../controls/spec-field.tsx';
import { specProps, type EditorProps } from './editor-props.ts';

type Source = 'link' | 'id';
const SOURCES = [
  { value: 'link' as const, label: 'From a link' },
  { value: 'id' as const, label: 'Uploaded media id' },
];

export function SendMediaEditor(props: EditorProps<'send_media'>) {
  const { data, onChange } = props;
  const [source, setSource] = useState<Source>(data.mediaId !== '' && data.link === '' ? 'id' : 'link');
  const choose = (next: Source) => {
    setSource(next);
    // Only one source is sent: the other is cleared so the node never holds both.
    onChange(next === 'link' ? { ...data, mediaId: '' } : { ...data, link: '' });
  };
  const hasCaption = !['audio', 'sticker'].includes(data.mediaType);
  return (
    <>
      <SpecField {...specProps('send_media', props, 'mediaType')} />
      <div className="inspector-group">
        <ChoiceField label="Where the file comes from" value={source} options={SOURCES} onChange={choose} />
        {source === 'link' ? (
          <SpecField {...specProps('send_media', props, 'link')} />
        ) : (
          <SpecField {...specProps('send_media', props, 'mediaId')} />
        )}
      </div>
      {hasCaption ? (
        <SpecField {...specProps('send_media', props, 'caption')} />
      ) : (
        <p className="inspector-note">
          WhatsApp shows {data.mediaType === 'audio' ? 'audio' : 'stickers'} without a caption.
        </p>
      )}
      {data.mediaType === 'document' && <SpecField {...specProps('send_media', props, 'filename')} />}
    </>
  );
}
