import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Session } from '#api/auth/schemas';
import { errorMessage } from '../api/api-error.ts';
import { switchTenant } from '../api/auth-api.ts';
import { useSession } from '../auth/use-session.ts';
import { useSessionActions } from '../auth/use-session-actions.ts';
import { Icon } from '../components/icon.tsx';
import { Popover } from '../components/popover.tsx';
import { Spinner } from '../components/spinner.tsx';
import { useToast } from '../components/toast-context.ts';
import { CreateWorkspaceDialog } from './create-workspace-dialog.tsx';

export function TenantSwitcher() {
  const { tenant, tenants } = useSession();
  const { enterWorkspace } = useSessionActions();
  const navigate = useNavigate();
  const toast = useToast();
  const [switchingTo, setSwitchingTo] = useState<string | null>(null);
  const [isCreating, setCreating] = useState(false);

  const enter = (session: Session) => {
    enterWorkspace(session);
    void navigate('/');
    toast.show(`Switched to ${session.tenant.name}`);
  };

  const choose = (tenantId: string, close: () => void) => {
    if (tenantId === tenant.id) {
      close();
      return;
    }
    setSwitchingTo(tenantId);
    switchTenant(tenantId)
      .then(enter, (error: unknown) => toast.show(errorMessage(error), 'error'))
      .finally(() => {
        setSwitchingTo(null);
        close();
      });
  };

  return (
    <>
      <Popover
        label="Switch workspace"
        triggerClassName="workspace-button"
        trigger={
          <>
            <span className="workspace-mark" aria-hidden="true">
              {tenant.name.charAt(0).toUpperCase()}
            </span>
            <span className="workspace-name">{tenant.name}</span>
            <Icon name="chevronDown" />
          </>
        }
      >
        {(close) => (
          <div className="menu menu-wide">
            <p className="menu-label">Workspaces</p>
            <div className="menu-section">
              {tenants.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  className="menu-item"
                  aria-current={t.id === tenant.id ? 'true' : undefined}
                  disabled={switchingTo !== null}
                  onClick={() => choose(t.id, close)}
                >
                  <span className="workspace-mark workspace-mark-sm" aria-hidden="true">
                    {t.name.charAt(0).toUpperCase()}
                  </span>
                  <span className="menu-item-text">
                    <span>{t.name}</span>
                    <span className="menu-item-sub">{t.role}</span>
                  </span>
                  {switchingTo === t.id ? <Spinner /> : t.id === tenant.id ? <Icon name="check" /> : null}
                </button>
              ))}
            </div>
            <div className="menu-section">
              <button
                type="button"
                className="menu-item"
                onClick={() => {
                  close();
                  setCreating(true);
                }}
              >
                <Icon name="plus" />
                Create workspace
              </button>
            </div>
          </div>
        )}
      </Popover>
      {isCreating && <CreateWorkspaceDialog onClose={() => setCreating(false)} onCreated={enter} />}
    </>
  );
}
