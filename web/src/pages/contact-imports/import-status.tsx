// How an import's status reads in the list and on its page.
import type { ContactImport, ContactImportStatus } from '#api/contact-imports/schemas';
import { Badge, type BadgeTone } from '../../components/badge.tsx';

const LABELS: Record<ContactImportStatus, [string, BadgeTone]> = {
  uploaded: ['Waiting for mapping', 'neutral'],
  importing: ['Importing', 'blue'],
  completed: ['Completed', 'green'],
  failed: ['Failed', 'red'],
  cancelled: ['Cancelled', 'amber'],
};

export function ImportStatusBadge({ status }: { status: ContactImportStatus }) {
  const [label, tone] = LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** 0..100, the share of the file's rows processed so far. */
export function importPercent(item: Pick<ContactImport, 'processedRows' | 'totalRows' | 'status'>): number {
  if (item.status === 'completed') {
    return 100;
  }
  return item.totalRows === 0 ? 0 : Math.floor((item.processedRows / item.totalRows) * 100);
}

export const formatCount = (value: number) => value.toLocaleString('en-US');
