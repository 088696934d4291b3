// A checklist ticked from real data: a first Sandbox chat, a second member, an API key, the user's
// own 2FA. Items the role cannot act on (or a Sandbox the installation lacks) are left out.
import { Link } from 'react-router';
import { useApiKeys } from '../../api/api-keys-api.ts';
import { useLatestConversation } from '../../api/conversations-api.ts';
import { useMembers } from '../../api/members-api.ts';
import { useSandboxCustomers, useSandboxStatus } from '../../api/sandbox-api.ts';
import { useCan, useSession } from '../../auth/use-session.ts';
import { Card } from '../../components/card.tsx';
import { Icon } from '../../components/icon.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { cx } from '../../lib/cx.ts';

type Step = { label: string; description: string; to: string; done: boolean | null };

export function GettingStarted() {
  const { user } = useSession();
  const can = useCan();
  const steps: Step[] = [];
  const members = useMembersCheck(can('members.view'));
  const apiKeys = useApiKeysCheck(can('apiKeys.manage'));
  const sandboxChat = useSandboxChatCheck(can('inbox.view'));
  if (sandboxChat.isAvailable) {
    const description = 'Play a customer and see your workspace receive it.';
    steps.push({ label: 'Say hi from the Sandbox phone', description, to: '/sandbox', done: sandboxChat.done });
  }
  if (can('members.manage')) {
    steps.push({
      label: 'Invite your team',
      description: 'Add agents and admins.',
      to: '/settings/team',
      done: members,
    });
  }
  if (can('apiKeys.manage')) {
    const description = 'Connect your own systems to Parley.';
    steps.push({ label: 'Create an API key', description, to: '/settings/api-keys', done: apiKeys });
  }
  const twoFactor = 'Protect your account with an authenticator app.';
  steps.push({ label: 'Turn on 2FA', description: twoFactor, to: '/settings/security', done: user.totpEnabled });
  const doneCount = steps.filter((s) => s.done).length;

  return (
    <Card title="Getting started" description={`${doneCount} of ${steps.length} done`}>
      <ul className="checklist">
        {steps.map((step) => (
          <li key={step.label} className={cx('checklist-item', step.done && 'is-done')}>
            <span className="checklist-check" aria-hidden="true">
              {step.done === null ? <Spinner /> : step.done ? <Icon name="check" size={14} /> : null}
            </span>
            <Link to={step.to} className="checklist-link">
              <span className="checklist-label">{step.label}</span>
              <span className="checklist-description">{step.description}</span>
            </Link>
            <span className="visually-hidden">{step.done ? 'Done' : 'Not done yet'}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** null while loading. Hooks run whatever the permission; the lists are only read when allowed. */
function useMembersCheck(isAllowed: boolean): boolean | null {
  const members = useMembers(isAllowed);
  return isAllowed ? (members.isPending ? null : members.items.length > 1) : false;
}

function useApiKeysCheck(isAllowed: boolean): boolean | null {
  const keys = useApiKeys(isAllowed);
  return isAllowed ? (keys.isPending ? null : keys.items.length > 0) : false;
}

/**
 * Any conversation means the workspace has chatted (early on, that is the Sandbox). Roles that
 * cannot read conversations look at the Sandbox phone itself.
 */
function useSandboxChatCheck(canReadInbox: boolean): { isAvailable: boolean; done: boolean | null } {
  const status = useSandboxStatus();
  const isAvailable = status.data?.enabled === true;
  const latest = useLatestConversation(isAvailable && canReadInbox);
  const customers = useSandboxCustomers({ enabled: isAvailable && !canReadInbox, isLive: false });
  if (!isAvailable) {
    return { isAvailable: status.isPending, done: null };
  }
  if (canReadInbox) {
    return { isAvailable, done: latest.isPending ? null : Boolean(latest.data) };
  }
  return { isAvailable, done: customers.isPending ? null : (customers.data ?? []).some((c) => c.lastMessage) };
}
