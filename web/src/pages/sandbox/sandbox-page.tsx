import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { Channel } from '#api/channels/schemas';
import { sandboxCustomersKey, useSandboxCustomers, useSandboxStatus } from '../../api/sandbox-api.ts';
import type { SandboxCustomer } from '#api/sandbox/schemas';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { CustomerList } from './customer-list.tsx';
import { PhonePane } from './phone-pane.tsx';
import { SandboxHelp } from './sandbox-help.tsx';

export function SandboxPage() {
  const status = useSandboxStatus();
  return (
    <div className="page page-wide">
      <PageHeader
        title="Sandbox"
        description="Play your own customers on the workspace’s practice number: what they send arrives in Parley like a real WhatsApp message, and your replies show up on their phone."
      />
      {status.isPending ? (
        <Card>
          <LoadingState />
        </Card>
      ) : status.error ? (
        <Card>
          <ErrorState error={status.error} onRetry={() => void status.refetch()} />
        </Card>
      ) : !status.data.enabled || !status.data.channel ? (
        <Card>
          <EmptyState
            icon="phone"
            title="The Sandbox is turned off here"
            description="This installation runs without Parley’s WhatsApp simulator (SANDBOX_URL=off). Ask whoever runs Parley to turn it on, or connect a real number in Settings → Channels."
          />
        </Card>
      ) : (
        <SandboxPhone channel={status.data.channel} />
      )}
    </div>
  );
}

/** The selected customer lives in the URL, so a reload (or a shared link) opens the same chat. */
function SandboxPhone({ channel }: { channel: Channel }) {
  const customers = useSandboxCustomers();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const selectedWaId = params.get('customer');
  const select = (waId: string) => setParams({ customer: waId }, { replace: true });
  const selected = customers.data?.find((c) => c.waId === selectedWaId) ?? null;
  const business = { name: channel.verifiedName ?? channel.name, number: channel.displayPhoneNumber };

  const onCreated = async (customer: SandboxCustomer) => {
    queryClient.setQueryData<{ data: SandboxCustomer[] }>(sandboxCustomersKey, (list) => ({
      data: [...(list?.data ?? []).filter((c) => c.waId !== customer.waId), customer],
    }));
    select(customer.waId);
    await queryClient.invalidateQueries({ queryKey: sandboxCustomersKey });
  };

  if (!customers.data) {
    return (
      <Card>
        {customers.error ? (
          <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />
        ) : (
          <LoadingState />
        )}
      </Card>
    );
  }
  return (
    <div className="sandbox">
      <CustomerList customers={customers.data} selectedWaId={selectedWaId} onSelect={select} onCreated={onCreated} />
      {selected ? (
        <PhonePane key={selected.waId} customer={selected} business={business} />
      ) : (
        <section className="phone phone-idle" aria-label="Phone">
          <EmptyState
            icon="phone"
            title="Pick a customer"
            description="Choose someone on the left, or add a new customer, to open their WhatsApp."
          />
        </section>
      )}
      <SandboxHelp business={business} />
    </div>
  );
}
