import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer bundle, served by Electron's app:// protocol and by the local server alike.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
