import { Link } from 'react-router';
import { Card } from '../../components/card.tsx';
import type { Business } from './phone-header.tsx';

/** What the Sandbox is for, next to the phone: the first thing people try is sending and replying. */
export function SandboxHelp({ business }: { business: Business }) {
  return (
    <Card title="How it works" className="sandbox-help">
      <ul className="help-list">
        <li>
          You are the customer. Messages go to <strong>{business.name}</strong>
          {business.number && <> ({business.number})</>}, your workspace’s Sandbox number.
        </li>
        <li>
          Reply with <code>POST /api/messages</code> (see the <a href="/api/docs">API docs</a>): replies appear on the
          phone as they are delivered.
        </li>
        <li>Tap the buttons and list rows of interactive messages, and the quick replies of templates.</li>
        <li>Opening a chat reads the business’s messages, so Parley sees blue ticks.</li>
        <li>
          The Sandbox number has no real customers and needs no setup: see it in{' '}
          <Link to="/settings/channels">Settings → Channels</Link>.
        </li>
      </ul>
    </Card>
  );
}
