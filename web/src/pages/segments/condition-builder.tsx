// The condition tree as nested boxes: each group matches all (AND) or any (OR) of its conditions
// and subgroups, and may be inverted (NOT: "exclude contacts matching"). Groups nest up to
// MAX_SEGMENT_DEPTH levels.
import { MAX_SEGMENT_DEPTH, type SegmentGroup, type SegmentNode } from '#api/segments/schemas';
import { Button } from '../../components/button.tsx';
import { newLeaf, type Catalog } from './condition-catalog.ts';
import { LeafEditor } from './leaf-editor.tsx';

type Props = {
  group: SegmentGroup;
  catalog: Catalog;
  onChange: (group: SegmentGroup) => void;
  onRemove?: () => void;
  depth?: number;
};

export function GroupEditor({ group, catalog, onChange, onRemove, depth = 1 }: Props) {
  const setChild = (index: number, child: SegmentNode) =>
    onChange({ ...group, children: group.children.map((c, i) => (i === index ? child : c)) });
  const removeChild = (index: number) => onChange({ ...group, children: group.children.filter((_, i) => i !== index) });
  const add = (child: SegmentNode) => onChange({ ...group, children: [...group.children, child] });
  return (
    <div className={group.negate ? 'segment-group is-negated' : 'segment-group'} data-testid="segment-group">
      <div className="segment-group-header">
        <select
          className="input"
          aria-label="Match"
          value={group.op}
          onChange={(e) => onChange({ ...group, op: e.target.value === 'or' ? 'or' : 'and' })}
        >
          <option value="and">All of these (AND)</option>
          <option value="or">Any of these (OR)</option>
        </select>
        <label className="segment-negate">
          <input
            type="checkbox"
            checked={group.negate ?? false}
            onChange={(e) => onChange({ ...group, negate: e.target.checked })}
          />{' '}
          Exclude contacts matching (NOT)
        </label>
        {onRemove && (
          <Button size="sm" variant="ghost" icon="close" onClick={onRemove}>
            Remove group
          </Button>
        )}
      </div>
      {group.children.length === 0 && <p className="cell-muted segment-empty">No conditions: every contact matches.</p>}
      {group.children.map((child, index) =>
        child.kind === 'group' ? (
          <GroupEditor
            key={index}
            group={child}
            catalog={catalog}
            depth={depth + 1}
            onChange={(next) => setChild(index, next)}
            onRemove={() => removeChild(index)}
          />
        ) : (
          <LeafEditor
            key={`${index}-${child.kind}`}
            leaf={child}
            catalog={catalog}
            onChange={(next) => setChild(index, next)}
            onRemove={() => removeChild(index)}
          />
        ),
      )}
      <div className="segment-group-actions">
        <Button size="sm" icon="plus" onClick={() => add(newLeaf('field:name', catalog))}>
          Add condition
        </Button>
        {depth < MAX_SEGMENT_DEPTH && (
          <Button
            size="sm"
            icon="plus"
            onClick={() =>
              add({ kind: 'group', op: group.op === 'and' ? 'or' : 'and', children: [newLeaf('tags', catalog)] })
            }
          >
            Add group
          </Button>
        )}
      </div>
    </div>
  );
}
