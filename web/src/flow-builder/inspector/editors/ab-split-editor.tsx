// A/B split: 2–5 paths with a label and a weight each, and the share of customers each one gets.
import { Button } from '../../../components/button.tsx';
import { AddItemButton } from '../controls/add-item-button.tsx';
import { ItemCard } from '../controls/item-card.tsx';
import { NumberField } from '../controls/number-field.tsx';
import { TextField } from '../controls/text-field.tsx';
import { stableKeys } from '../model/list-ops.ts';
import * as split from '../model/split-updates.ts';
import type { EditorProps } from './editor-props.ts';

export function AbSplitEditor({ data, onChange }: EditorProps<'ab_split'>) {
  const { variants } = data;
  const shares = split.variantShares(variants);
  const keys = stableKeys(variants.map((v) => v.id));
  return (
    <fieldset className="plain-fieldset inspector-group">
      <legend className="field-label">Paths</legend>
      <p className="field-hint">Each customer takes one path at random; a path’s weight sets how often.</p>
      <ol className="inspector-items">
        {variants.map((variant, index) => {
          const name = `Path ${variant.label || index + 1}`;
          return (
            <ItemCard
              key={keys[index]}
              name={name}
              path={`variants.${index}`}
              index={index}
              count={variants.length}
              onRemove={() => onChange(split.removeVariant(data, index))}
              removeBlocker={split.variantsRemoveBlocker(data)}
              aside={
                <span className="inspector-share" aria-label={`${name} gets ${shares[index]}%`}>
                  {shares[index]}%
                </span>
              }
            >
              <div className="inspector-row">
                <TextField
                  context={name}
                  label="Label"
                  path={`variants.${index}.label`}
                  value={variant.label}
                  onChange={(label) => onChange(split.patchVariant(data, index, { label }))}
                />
                <NumberField
                  context={name}
                  label="Weight"
                  path={`variants.${index}.weight`}
                  value={variant.weight}
                  min={0}
                  max={1_000_000}
                  onChange={(weight) => onChange(split.patchVariant(data, index, { weight: weight ?? 0 }))}
                />
              </div>
              <div className="inspector-share-bar" aria-hidden="true">
                <span style={{ width: `${shares[index]}%` }} />
              </div>
            </ItemCard>
          );
        })}
      </ol>
      <div className="button-row">
        <AddItemButton
          label="Add a path"
          blocker={split.variantsAddBlocker(data)}
          onClick={() => onChange(split.addVariant(data))}
        />
        <Button size="sm" variant="ghost" onClick={() => onChange(split.splitEvenly(data))}>
          Split evenly
        </Button>
      </div>
    </fieldset>
  );
}
