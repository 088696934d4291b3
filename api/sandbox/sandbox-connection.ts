// The Meta simulator that plays WhatsApp for Sandbox channels: embedded in the platform by
// default, or a standalone one at SANDBOX_URL. Parley talks to it over HTTP either way: its Graph
// API like Meta's, and its control API (`/_sandbox`) for the simulated customers.
import { randomBytes } from 'node:crypto';
import { randomToken } from '#lib/tokens';

export type SandboxConnection = { graphUrl: string; controlUrl: string };

export function sandboxConnection(baseUrl: string): SandboxConnection {
  const base = baseUrl.replace(/\/$/, '');
  return { graphUrl: base, controlUrl: `${base}/_sandbox` };
}

export type SandboxNumber = {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
};

/** Fresh credentials for a sandbox number (digits only, like Meta's ids). */
export function newSandboxNumber(verifiedName: string): SandboxNumber {
  const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
  return {
    phoneNumberId: `9${digits(14)}`,
    wabaId: `8${digits(14)}`,
    displayPhoneNumber: `1555${digits(7)}`,
    verifiedName,
    accessToken: `sandbox-${randomToken(24)}`,
    appSecret: randomToken(24),
    verifyToken: randomToken(16),
  };
}

/** Tells the simulator about a number (idempotent: re-registering updates it). */
export async function registerSandboxNumber(
  sandbox: SandboxConnection,
  number: SandboxNumber,
  webhookUrl: string,
): Promise<void> {
  const response = await fetch(`${sandbox.controlUrl}/numbers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...withoutVerifyToken(number), webhookUrl }),
  });
  if (!response.ok) {
    throw new Error(`The sandbox simulator refused the number: ${response.status} ${await response.text()}`);
  }
}

function withoutVerifyToken(number: SandboxNumber): Omit<SandboxNumber, 'verifyToken'> {
  const { verifyToken: _verifyToken, ...rest } = number;
  return rest;
}
