// The builder's live count: the tree is checked here first (an unfinished condition is named, not
// sent), then sent 400 ms after the last edit; react-query keeps the previous figure on screen
// while the next one loads.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { segmentConditionSchema, type SegmentGroup } from '#api/segments/schemas';
import { previewSegment, segmentsKey } from '../../api/segments-api.ts';

const DEBOUNCE_MS = 400;

export function useSegmentPreview(condition: SegmentGroup) {
  const [debounced, setDebounced] = useState(condition);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(condition), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [condition]);
  const parsed = segmentConditionSchema.safeParse(debounced);
  const problem = parsed.success ? null : describeIssue(parsed.error.issues[0]);
  const query = useQuery({
    queryKey: [...segmentsKey, 'preview', JSON.stringify(debounced)],
    queryFn: () => previewSegment(debounced),
    enabled: parsed.success,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return { ...query, problem, isDebouncing: debounced !== condition };
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) {
    return 'The condition is not complete yet.';
  }
  const where = issue.path.filter((part) => typeof part === 'number').map((n) => Number(n) + 1);
  return `Condition ${where.length > 0 ? where.join('.') : ''}: ${issue.message}`.replace(' :', ':');
}
