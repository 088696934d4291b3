// The chat list of the simulated customers: last message, when, and what they have not read yet.
import { useId, useState } from 'react';
import type { SandboxCustomer } from '#api/sandbox/schemas';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/states.tsx';
import { cx } from '../../lib/cx.ts';
import { MEDIA_LABELS } from './message-parts.ts';
import { NewCustomerForm } from './new-customer-form.tsx';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

type CustomerListProps = {
  customers: SandboxCustomer[];
  selectedWaId: string | null;
  onSelect: (waId: string) => void;
  onCreated: (customer: SandboxCustomer) => Promise<void>;
};

export function CustomerList({ customers, selectedWaId, onSelect, onCreated }: CustomerListProps) {
  const [isAdding, setAdding] = useState(false);
  const baseId = useId();
  return (
    <section className="card customer-column" aria-label="Customers">
      <header className="card-header">
        <h2 className="card-title">Customers</h2>
        <Button size="sm" icon="plus" aria-expanded={isAdding} onClick={() => setAdding(true)}>
          New customer
        </Button>
      </header>
      {isAdding && (
        <NewCustomerForm
          onCancel={() => setAdding(false)}
          onCreated={async (customer) => {
            await onCreated(customer);
            setAdding(false);
          }}
        />
      )}
      {customers.length === 0 ? (
        <EmptyState icon="users" title="No customers yet" description="Add one to start chatting as them." />
      ) : (
        <ul className="customer-list">
          {customers.map((customer) => {
            const last = customer.lastMessage;
            const descriptionId = `${baseId}-${customer.waId}`;
            return (
              <li key={customer.waId}>
                <button
                  type="button"
                  className={cx('customer', customer.waId === selectedWaId && 'is-selected')}
                  aria-label={customer.name}
                  aria-describedby={descriptionId}
                  aria-current={customer.waId === selectedWaId || undefined}
                  onClick={() => onSelect(customer.waId)}
                >
                  <span className="customer-avatar" aria-hidden="true">
                    {customer.name.charAt(0).toUpperCase()}
                  </span>
                  <span className="customer-text">
                    <span className="customer-line">
                      <span className="customer-name">{customer.name}</span>
                      {last && <time className="customer-time">{shortTime(last.timestamp)}</time>}
                    </span>
                    <span className="customer-line" id={descriptionId}>
                      <span className="customer-preview">
                        {last
                          ? `${last.from === 'customer' ? 'You: ' : ''}${readablePreview(last.preview)}`
                          : `+${customer.waId}`}
                      </span>
                      {customer.unreadCount > 0 && (
                        <span className="unread-badge" aria-label={`${customer.unreadCount} unread`}>
                          {customer.unreadCount}
                        </span>
                      )}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The simulator previews media as "[image]": the phone says "Photo". */
function readablePreview(preview: string): string {
  const type = /^\[(\w+)\]$/.exec(preview)?.[1];
  return type ? (MEDIA_LABELS[type] ?? preview) : preview;
}

function shortTime(date: Date): string {
  return date.toDateString() === new Date().toDateString() ? timeFormat.format(date) : dayFormat.format(date);
}
