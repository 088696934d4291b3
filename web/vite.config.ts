import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The web app is built into web/dist and served by the API; `npm run dev` serves it from Vite
// with hot reload and proxies /api to the API. The `#api/*` imports of shared schemas resolve
// through package.json "imports", which Vite follows like Node does.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), proxyLiveUpdates()],
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: a separate chunk stays cached across releases.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
});

/** Live updates (Socket.IO, a WebSocket) go to the same API as the /api proxy that `npm run dev` sets. */
function proxyLiveUpdates(): Plugin {
  return {
    name: 'parley-proxy-live-updates',
    config(config) {
      const api = config.server?.proxy?.['/api'];
      const target = typeof api === 'string' ? api : api?.target;
      return typeof target === 'string' ? { server: { proxy: { '/socket.io': { target, ws: true } } } } : undefined;
    },
  };
}
