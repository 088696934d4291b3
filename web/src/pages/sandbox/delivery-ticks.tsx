// The ticks under the customer's own messages: one grey when sent, two grey when delivered to the
// business, two blue once the business has read it.
const LABELS: Record<string, string> = {
  accepted: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not sent',
};

export function DeliveryTicks({ status }: { status: string }) {
  const label = LABELS[status] ?? status;
  if (status === 'failed') {
    return (
      <span className="ticks ticks-failed" role="img" aria-label={label} title={label} data-status={status}>
        !
      </span>
    );
  }
  const isDouble = status === 'delivered' || status === 'read';
  return (
    <svg
      className={`ticks ticks-${status}`}
      role="img"
      aria-label={label}
      data-status={status}
      width={isDouble ? 18 : 12}
      height="11"
      viewBox={isDouble ? '0 0 18 11' : '0 0 12 11'}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <title>{label}</title>
      <path d="M1 6l3.5 3.5L11 2" />
      {isDouble && <path d="M7 8l1.5 1.5L16.5 2" />}
    </svg>
  );
}
