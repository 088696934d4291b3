import { Link } from 'react-router';
import { useCan, useSession } from '../../auth/use-session.ts';
import { Card } from '../../components/card.tsx';
import { Icon } from '../../components/icon.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { visibleSections } from '../settings/settings-sections.ts';
import { GettingStarted } from './getting-started.tsx';

export function DashboardPage() {
  const { user, tenant } = useSession();
  const can = useCan();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;

  return (
    <div className="page">
      <PageHeader title="Dashboard" description={`An overview of ${tenant.name}.`} />
      <section className="welcome-card">
        <div>
          <p className="welcome-eyebrow">{tenant.name}</p>
          <h2 className="welcome-title">Welcome, {firstName}</h2>
          <p className="welcome-text">
            You are signed in as <strong>{tenant.role}</strong>. Connect your team and your tools here; conversations,
            flows and campaigns will build on this workspace.
          </p>
        </div>
        <span className="welcome-mark" aria-hidden="true">
          {tenant.name.charAt(0).toUpperCase()}
        </span>
      </section>
      <div className="grid-2">
        <GettingStarted />
        <Card title="Settings" description="Shortcuts to the settings you can change.">
          <ul className="quick-links">
            {visibleSections(can).map((section) => (
              <li key={section.path}>
                <Link to={section.path} className="quick-link">
                  <span className="quick-link-icon">
                    <Icon name={section.icon} />
                  </span>
                  <span className="quick-link-text">
                    <span className="quick-link-title">{section.label}</span>
                    <span className="quick-link-description">{section.description}</span>
                  </span>
                  <Icon name="chevronRight" />
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
