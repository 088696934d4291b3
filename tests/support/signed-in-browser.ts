// The setup of most browser tests: the platform serving a fresh web build, a new workspace, and
// Chromium signed in to it on the Dashboard.
import type { Browser, Page } from 'playwright-core';
import { buildWebApp, launchBrowser } from './browser.ts';
import { signUpTenant, type SeededTenant } from './seed/tenant.ts';
import { startTestApp, type TestApp } from './test-app.ts';

export type SignedInBrowser = {
  app: TestApp;
  browser: Browser;
  page: Page;
  tenant: SeededTenant;
  stop(): Promise<void>;
};

export async function startSignedInBrowser(workspaceName: string): Promise<SignedInBrowser> {
  const [webDistDir, browser] = await Promise.all([buildWebApp(), launchBrowser()]);
  const app = await startTestApp({}, { webDistDir });
  const tenant = await signUpTenant(app.http, { workspaceName });
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${app.url}/login`);
  await page.getByLabel('E-mail').fill(tenant.email);
  await page.getByLabel('Password').fill(tenant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return {
    app,
    browser,
    page,
    tenant,
    async stop() {
      await browser.close();
      await app.stop();
    },
  };
}
