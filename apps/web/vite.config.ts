import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The built app is served by the Fastify server under a strict CSP (script-src 'self', style-src 'self'):
 * no inline scripts or styles, so CSS ships as files and the module-preload polyfill stays in the bundle.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    rollupOptions: {
      // zod's sources carry /* @__PURE__ */ comments in places Rollup ignores: harmless, silenced.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: { proxy: { '/api': { target: 'http://127.0.0.1:3000' } } },
});
