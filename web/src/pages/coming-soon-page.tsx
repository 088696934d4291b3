import { EmptyState } from '../components/states.tsx';
import { PageHeader } from '../components/page-header.tsx';
import type { IconName } from '../components/icon.tsx';

export type ComingSoonProps = { title: string; icon: IconName; description: string };

/** Product areas not built yet: the page says what will live there, with no made-up data. */
export function ComingSoonPage({ title, icon, description }: ComingSoonProps) {
  return (
    <div className="page">
      <PageHeader title={title} description={description} />
      <div className="card">
        <EmptyState
          icon={icon}
          title={`${title} is coming soon`}
          description="This part of Parley is being built: there is nothing to set up here yet."
        />
      </div>
    </div>
  );
}

export const COMING_SOON = {
  campaigns: {
    title: 'Campaigns',
    icon: 'campaigns',
    description: 'Broadcasts to contact segments, scheduled in your time zone, with delivery tracked per recipient.',
  },
  contacts: {
    title: 'Contacts',
    icon: 'contacts',
    description: 'Your customers with their tags and custom fields, imported or captured by flows.',
  },
  templates: {
    title: 'Templates',
    icon: 'templates',
    description: 'WhatsApp message templates, submitted for approval and reused by flows and campaigns.',
  },
  reports: {
    title: 'Reports',
    icon: 'reports',
    description: 'Analytics of conversations, flows and campaigns across your workspace.',
  },
} satisfies Record<string, ComingSoonProps>;
