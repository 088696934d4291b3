// List message: the text, the button that opens the list, its options, header/footer, and how the
// answer is handled.
import { CollapsibleSection } from '../controls/collapsible-section.tsx';
import { SpecField } from '../controls/spec-field.tsx';
import { specProps, type EditorProps } from './editor-props.ts';
import { ListSections } from './list-sections.tsx';
import { ReplySettingsSection } from './reply-settings-section.tsx';

export function ListEditor(props: EditorProps<'list'>) {
  const { data, onChange } = props;
  return (
    <>
      <SpecField {...specProps('list', props, 'body')} />
      <SpecField {...specProps('list', props, 'buttonText')} />
      <ListSections data={data} onChange={onChange} />
      <CollapsibleSection
        title="Header and footer"
        paths={['header', 'footer']}
        defaultOpen={data.header + data.footer !== ''}
      >
        <SpecField {...specProps('list', props, 'header')} />
        <SpecField {...specProps('list', props, 'footer')} />
      </CollapsibleSection>
      <ReplySettingsSection type="list" {...props} />
    </>
  );
}
