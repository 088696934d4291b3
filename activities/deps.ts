// What activities are built from (docs/conventions.md #7): the worker passes production
// dependencies, tests pass their own database and simulator.
import type { RealtimePublisher } from '#api/realtime/publisher';
import type { SandboxConnection } from '#api/sandbox/sandbox-connection';
import type { Client } from '@temporalio/client';
import type pg from 'pg';
import type { PrismaClient } from '#db/client';
import type { Env } from '#lib/env';
import type { Logger } from '#lib/logger';
import type { MediaStore } from '#lib/media-store';
import type { SecretBox } from '#lib/secret-box';

export type ActivityDeps = {
  prisma: PrismaClient;
  /** The pg pool under Prisma, for the hot paths written in plain SQL (the sent-ledger). */
  pool: pg.Pool;
  env: Env;
  logger: Logger;
  secretBox: SecretBox;
  realtime: RealtimePublisher;
  mediaStore: MediaStore;
  sandbox: SandboxConnection | null;
  /** Starts workflows from activities (webhook deliveries and automations for the events they emit). */
  temporal: Client;
};
