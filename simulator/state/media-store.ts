// Media bytes, apart from their metadata (which lives in the state): in memory by default, or one
// file per media id in `mediaDir` so a persistent sandbox keeps its pictures across restarts.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type MediaStore = {
  put(id: string, bytes: Buffer): Promise<void>;
  get(id: string): Promise<Buffer | null>;
  delete(id: string): Promise<void>;
};

export function createMediaStore(mediaDir: string | undefined): MediaStore {
  return mediaDir ? directoryStore(mediaDir) : memoryStore();
}

function memoryStore(): MediaStore {
  const bytes = new Map<string, Buffer>();
  return {
    put: async (id, data) => void bytes.set(id, data),
    get: async (id) => bytes.get(id) ?? null,
    delete: async (id) => void bytes.delete(id),
  };
}

function directoryStore(dir: string): MediaStore {
  // Ids are generated digits, but a path component from outside must never escape the folder.
  const fileOf = (id: string) => path.join(dir, id.replace(/[^\w-]/g, '_'));
  return {
    async put(id, data) {
      await mkdir(dir, { recursive: true });
      await writeFile(fileOf(id), data);
    },
    async get(id) {
      try {
        return await readFile(fileOf(id));
      } catch {
        return null;
      }
    },
    delete: (id) => rm(fileOf(id), { force: true }),
  };
}
