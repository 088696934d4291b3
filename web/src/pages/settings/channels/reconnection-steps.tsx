// What to do about a channel that is not connected, in the order that fixes it. The advice matches
// what the health check notifies admins with (activities/channels/set-channel-status.ts).
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Channel } from '#api/channels/schemas';
import { Card } from '../../../components/card.tsx';

type Steps = { title: string; steps: ReactNode[] };

export function ReconnectionSteps({ channel, canManage }: { channel: Channel; canManage: boolean }) {
  const plan = stepsFor(channel);
  if (!plan) {
    return null;
  }
  return (
    <Card title={plan.title}>
      {canManage ? (
        <ol className="steps">
          {plan.steps.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">
          Ask a workspace admin (a role that can connect and configure WhatsApp numbers) to take care of it.
        </p>
      )}
    </Card>
  );
}

function stepsFor(channel: Channel): Steps | null {
  if (channel.status === 'connected') {
    return null;
  }
  if (channel.kind === 'sandbox') {
    return {
      title: 'Bring the Sandbox number back',
      steps: [
        'Press Verify: Parley asks its simulator for the number again.',
        'If it still fails, restart Parley: at start it registers every Sandbox number with the simulator again.',
        <>
          Then say hi from the <Link to="/sandbox">Sandbox phone</Link> to check both directions.
        </>,
      ],
    };
  }
  if (channel.status === 'pending') {
    return {
      title: 'Finish connecting this number',
      steps: [
        'Press Verify: Parley asks Meta for this number with your token and fills in its display number and name.',
        'Set up the webhook below so that your customers’ messages reach Parley.',
        'Send yourself a message to check both directions.',
      ],
    };
  }
  if (channel.status === 'disconnected') {
    return {
      title: 'Reconnect this number',
      steps: [
        <>
          In <strong>Meta Business Manager</strong> → Business settings → Users → System users, select your app’s system
          user and <strong>generate a new token</strong> that never expires, with the permissions
          whatsapp_business_messaging and whatsapp_business_management.
        </>,
        <>
          Paste it under <strong>Replace credentials</strong> below and save.
        </>,
        <>
          Press <strong>Verify</strong>. If Meta still refuses, check that the system user has the WhatsApp Business
          Account assigned and that the phone number id is still the one in WhatsApp Manager.
        </>,
      ],
    };
  }
  return {
    title: 'Why this number is degraded',
    steps: [
      <>
        Open <strong>WhatsApp Manager</strong> → Phone numbers and check the number’s quality rating and messaging
        limit: a low rating or a reached limit slows down or blocks sending.
      </>,
      'If the reason above says the token expires soon, generate a new permanent token and paste it under Replace credentials.',
      'If sends keep failing, read the error of a failed message: a paused template or a closed 24-hour window is fixed on your side.',
      'Once fixed, press Check health now: the status returns to Connected by itself.',
    ],
  };
}
