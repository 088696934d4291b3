// The top of the chat: from the customer's side, the contact is the business (the Sandbox number).
import type { SandboxCustomer } from '#api/sandbox/schemas';
import { Icon } from '../../components/icon.tsx';

export type Business = { name: string; number: string | null };

export function PhoneHeader({ business, customer }: { business: Business; customer: SandboxCustomer }) {
  return (
    <header className="phone-header">
      <span className="phone-avatar" aria-hidden="true">
        {business.name.charAt(0).toUpperCase()}
      </span>
      <div className="phone-contact">
        <p className="phone-title">
          {business.name} <Icon name="check" size={12} className="phone-verified" />
        </p>
        <p className="phone-subtitle">
          {business.number ?? 'Business account'}
          {' · '}
          {customer.windowOpen ? '24-hour window open' : 'window closed: only templates can reach you'}
        </p>
      </div>
    </header>
  );
}
