// Optional persistence of the state to one JSON file: debounced after changes and written
// atomically (temporary file + rename), so a crash mid-write never leaves a torn snapshot.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { snapshotSchema, type Snapshot } from './simulator-state.ts';

export type StatePersistence = {
  /** Saves soon (debounced). */
  schedule(): void;
  /** Saves now if anything changed since the last save. */
  flush(): Promise<void>;
  close(): Promise<void>;
};

export function loadSnapshot(stateFile: string, log: (line: string) => void): Snapshot | null {
  if (!existsSync(stateFile)) {
    return null;
  }
  const parsed = snapshotSchema.safeParse(safeJson(readFileSync(stateFile, 'utf8')));
  if (parsed.success) {
    return parsed.data;
  }
  // A state we cannot read is kept aside for inspection rather than silently overwritten.
  const aside = `${stateFile}.unreadable-${Date.now()}`;
  renameSync(stateFile, aside);
  log(`simulator state ${stateFile} is not a valid snapshot; moved to ${aside}, starting empty`);
  return null;
}

export function createStatePersistence(options: {
  stateFile: string;
  debounceMs: number;
  snapshot: () => Snapshot;
  log: (line: string) => void;
}): StatePersistence {
  let timer: NodeJS.Timeout | null = null;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();

  const save = () => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!dirty) {
      return writing;
    }
    dirty = false;
    const text = JSON.stringify(options.snapshot());
    // Writes are chained so an older snapshot can never land after a newer one.
    writing = writing
      .then(() => writeAtomically(options.stateFile, text))
      .catch((error: unknown) => {
        options.log(`could not save simulator state: ${String(error)}`);
      });
    return writing;
  };

  return {
    schedule() {
      dirty = true;
      if (!timer) {
        timer = setTimeout(() => void save(), options.debounceMs);
        timer.unref();
      }
    },
    flush: save,
    close: save,
  };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
