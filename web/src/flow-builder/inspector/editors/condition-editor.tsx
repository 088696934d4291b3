// Condition: nested groups of comparisons, each matching all (AND) or any (OR) of its entries.
// The step leaves by “True” when the top group matches, else by “False”.
import { isConditionGroup, type ConditionGroup } from '#flow-dsl/conditions';
import { ChoiceField } from '../controls/choice-field.tsx';
import { AddItemButton } from '../controls/add-item-button.tsx';
import { ItemCard } from '../controls/item-card.tsx';
import { useInspector } from '../inspector-context.ts';
import { DiagnosticList } from '../controls/diagnostic-list.tsx';
import * as tree from '../model/condition-tree.ts';
import { ConditionRow } from './condition-row.tsx';
import type { EditorProps } from './editor-props.ts';

const OPS = [
  { value: 'and' as const, label: 'All of these (AND)' },
  { value: 'or' as const, label: 'Any of these (OR)' },
];

export function ConditionEditor({ data, onChange }: EditorProps<'condition'>) {
  const { diagnosticsAt, nodeId } = useInspector();
  const setRoot = (conditions: ConditionGroup) => onChange({ ...data, conditions });
  return (
    <>
      <p className="inspector-note">The step continues by “True” when these match, and by “False” otherwise.</p>
      <DiagnosticList diagnostics={diagnosticsAt('conditions')} nodeId={nodeId} />
      <GroupView root={data.conditions} group={data.conditions} path={[]} name="Conditions" setRoot={setRoot} />
    </>
  );
}

type GroupViewProps = {
  root: ConditionGroup;
  group: ConditionGroup;
  path: tree.TreePath;
  name: string;
  setRoot: (root: ConditionGroup) => void;
};

function GroupView({ root, group, path, name, setRoot }: GroupViewProps) {
  const isTop = path.length === 0;
  const joiner = group.op === 'and' ? 'and' : 'or';
  const depthBlocker =
    path.length + 1 >= tree.MAX_GROUP_DEPTH ? `Groups go at most ${tree.MAX_GROUP_DEPTH - 1} levels deep.` : null;
  return (
    <fieldset className="plain-fieldset inspector-condition-group">
      <legend className="visually-hidden">{name}</legend>
      <ChoiceField
        label={`${name}: match`}
        hideLabel
        value={group.op}
        options={OPS}
        onChange={(op) => setRoot(tree.setGroupOp(root, path, op))}
      />
      {group.conditions.length === 0 && (
        <p className="inspector-note">{isTop ? 'No conditions yet: add one.' : 'This group is empty.'}</p>
      )}
      <ol className="inspector-items">
        {group.conditions.map((entry, index) => {
          const at = [...path, index];
          const label = isTop ? `${index + 1}` : `${name.replace(/^Group /, '')}.${index + 1}`;
          const entryName = isConditionGroup(entry) ? `Group ${label}` : `Condition ${label}`;
          return (
            <ItemCard
              key={index}
              name={entryName}
              path={tree.conditionPath(at)}
              index={index}
              count={group.conditions.length}
              onRemove={() => setRoot(tree.removeEntry(root, at))}
              aside={index > 0 ? <span className="inspector-joiner">{joiner}</span> : undefined}
            >
              {isConditionGroup(entry) ? (
                <GroupView root={root} group={entry} path={at} name={entryName} setRoot={setRoot} />
              ) : (
                <ConditionRow
                  name={entryName}
                  path={tree.conditionPath(at)}
                  condition={entry}
                  onChange={(condition) => setRoot(tree.replaceCondition(root, at, condition))}
                />
              )}
            </ItemCard>
          );
        })}
      </ol>
      <div className="button-row">
        <AddItemButton
          label={isTop ? 'Add a condition' : `Add a condition to ${name}`}
          onClick={() => setRoot(tree.addCondition(root, path))}
        />
        <AddItemButton
          label={isTop ? 'Add a group' : `Add a group to ${name}`}
          blocker={depthBlocker}
          onClick={() => setRoot(tree.addGroup(root, path))}
        />
      </div>
    </fieldset>
  );
}
