import { defineConfig } from 'vite';

// No React plugin needed: Vite's esbuild compiles TSX with React's automatic JSX runtime.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: { target: 'es2022' },
});
