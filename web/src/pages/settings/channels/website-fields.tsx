// Meta keeps at most two websites. The second input appears on demand, so a profile with one
// website does not look unfinished; removing the first moves the second up, as Meta's list has no gaps.
import { Button } from '../../../components/button.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import type { FormApi } from '../../../forms/use-zod-form.ts';
import type { BusinessProfileFormSchema } from './business-profile-form.ts';

type WebsiteFieldsProps = {
  form: FormApi<BusinessProfileFormSchema>;
  isAddingSecond: boolean;
  onAddingSecondChange: (isAdding: boolean) => void;
  readOnly: boolean;
};

export function WebsiteFields({ form, isAddingSecond, onAddingSecondChange, readOnly }: WebsiteFieldsProps) {
  const { website1, website2 } = form.values;
  const hasSecond = website2 !== '' || isAddingSecond;
  const removeFirst = () => {
    form.setValue('website1', website2);
    form.setValue('website2', '');
    onAddingSecondChange(false);
  };
  const removeSecond = () => {
    form.setValue('website2', '');
    onAddingSecondChange(false);
  };
  const inputProps = { type: 'url', inputMode: 'url', placeholder: 'https://', autoComplete: 'url' } as const;

  return (
    <div className="website-fields">
      <div className="website-field">
        <TextField form={form} name="website1" label="Website 1" {...inputProps} />
        {!readOnly && (website1 !== '' || hasSecond) && (
          <Button size="sm" variant="ghost" className="website-remove" onClick={removeFirst}>
            Remove<span className="visually-hidden"> the first website</span>
          </Button>
        )}
      </div>
      {hasSecond && (
        <div className="website-field">
          {/* Focus follows "Add": the input only mounts when asked for, or with a saved second site. */}
          <TextField form={form} name="website2" label="Website 2" autoFocus={isAddingSecond} {...inputProps} />
          {!readOnly && (
            <Button size="sm" variant="ghost" className="website-remove" onClick={removeSecond}>
              Remove<span className="visually-hidden"> the second website</span>
            </Button>
          )}
        </div>
      )}
      {!readOnly && !hasSecond && (
        <Button
          size="sm"
          icon="plus"
          className="website-add"
          disabled={website1.trim() === ''}
          title={website1.trim() === '' ? 'Fill in the first website first' : undefined}
          onClick={() => onAddingSecondChange(true)}
        >
          Add a second website
        </Button>
      )}
    </div>
  );
}
