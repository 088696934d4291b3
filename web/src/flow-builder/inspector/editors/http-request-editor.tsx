// HTTP request: method and URL, headers, a JSON body (not sent with GET and DELETE), how long to
// wait, which parts of the answer to keep, and a test request to see all that work.
import { ItemListField } from '../controls/item-list-field.tsx';
import { SpecField } from '../controls/spec-field.tsx';
import { TemplateInput } from '../controls/template-input.tsx';
import { TextField } from '../controls/text-field.tsx';
import { VariableNameField } from '../controls/variable-name-field.tsx';
import { CollapsibleSection } from '../controls/collapsible-section.tsx';
import { specProps, type EditorProps } from './editor-props.ts';
import { HttpTestPanel } from './http-test-panel.tsx';

export function HttpRequestEditor(props: EditorProps<'http_request'>) {
  const { data, onChange } = props;
  const sendsBody = data.method !== 'GET' && data.method !== 'DELETE';
  return (
    <>
      <div className="inspector-method-row">
        <SpecField {...specProps('http_request', props, 'method')} />
        <SpecField {...specProps('http_request', props, 'url')} />
      </div>
      <CollapsibleSection
        title="Headers"
        paths={['headers']}
        defaultOpen={data.headers.length > 0}
        summary={`${data.headers.length}`}
      >
        <ItemListField
          label="Headers"
          path="headers"
          itemName="Header"
          items={data.headers}
          onChange={(headers) => onChange({ ...data, headers })}
          newItem={() => ({ name: '', value: '' })}
          addLabel="Add a header"
          renderFields={(header, name, update, index) => (
            <>
              <TextField
                context={name}
                label="Name"
                path={`headers.${index}.name`}
                value={header.name}
                mono
                placeholder="Authorization"
                onChange={(value) => update({ name: value.trim() })}
              />
              <TemplateInput
                context={name}
                label="Value"
                path={`headers.${index}.value`}
                value={header.value}
                onChange={(value) => update({ value })}
              />
            </>
          )}
        />
      </CollapsibleSection>
      {sendsBody ? (
        <SpecField {...specProps('http_request', props, 'body')} />
      ) : (
        <p className="inspector-note">{data.method} requests are sent without a body.</p>
      )}
      <SpecField {...specProps('http_request', props, 'timeoutSeconds')} />
      <ItemListField
        label="Save from the response"
        path="responseMapping"
        itemName="Saved value"
        items={data.responseMapping}
        onChange={(responseMapping) => onChange({ ...data, responseMapping })}
        newItem={() => ({ variable: '', path: '' })}
        addLabel="Save a value"
        hint="A path into the JSON answer, like data.items.0.id; blank keeps the whole answer."
        renderFields={(mapping, name, update, index) => (
          <>
            <VariableNameField
              context={name}
              label="Save as"
              path={`responseMapping.${index}.variable`}
              value={mapping.variable}
              hint=""
              onChange={(variable) => update({ variable })}
            />
            <TextField
              context={name}
              label="Path in the answer"
              path={`responseMapping.${index}.path`}
              value={mapping.path}
              mono
              placeholder="data.items.0.id"
              onChange={(path) => update({ path: path.trim() })}
            />
          </>
        )}
      />
      <HttpTestPanel data={data} />
    </>
  );
}
