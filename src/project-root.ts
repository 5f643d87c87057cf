// The directory the server reads its own files from (clauses/, views/), found
// from this module's location. src/project-root.ts (run by tsx) and
// dist/project-root.js (compiled, what `npm start` runs) both sit one level
// below the project root, so the one relative URL is right for both; that is
// why tsconfig.build.json compiles src/ into dist/ with the same layout.
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
