// The docx library's files that the fast writer (render/docx-package.ts)
// takes its constant parts from: a small probe contract rendered by
// render/docx.ts in each language and on each paper size.
//
// `npm run build` runs this module after tsc (node dist/render/docx-probes.js),
// which writes the four files into dist/render/docx-probes.json beside the
// compiled writer: the server `npm start` runs reads them there and never
// loads the docx library at start-up. Importing the library and rendering the
// probes in the server's own process kept about 14 MB of its idle RSS (V8's
// heap and malloc's arenas keep what start-up touched), and a worker thread
// doing it instead saved nothing a second after listening. Run from source
// (the tests, npm run dev) there is no such file, and docx-package.ts
// imports this module and renders the probes in process, so the docx
// library's output stays the one source of the styles, numbering and footer.
import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, PAPER_SIZES, type Language, type PaperSize } from '../answers/schema.ts';
import type { Contract } from '../contract/tree.ts';
import { renderContractDocx } from './docx.ts';
import { BUILT_PROBES_FILE, type ProbeDocxFiles } from './docx-package.ts';

/** Every kind of block that changes the package beyond document.xml: a heading and a bullet, for the numbering ids. */
const probe = (paperSize: PaperSize, language: Language): Contract => ({
  meta: { title: 'Probe', subject: 'Probe', author: 'Probe', projectName: 'Probe', fileStem: 'probe', keywords: 'probe', paperSize, language },
  title: 'Probe',
  subtitle: 'Probe',
  sections: [{ id: 'probe', title: 'Probe', note: '', blocks: [{ type: 'list', items: [[{ text: 'Probe' }]] }] }],
  // Only embedded, never read: the answers parts are written per contract.
  answers: {} as Contract['answers'],
});

/** The probe as the docx library renders it, in every language and on every paper size. */
export async function renderProbes(): Promise<ProbeDocxFiles> {
  const files = {} as Record<Language, Record<PaperSize, Buffer>>;
  for (const language of LANGUAGES) {
    files[language] = {} as Record<PaperSize, Buffer>;
    for (const paperSize of PAPER_SIZES) files[language][paperSize] = await renderContractDocx(probe(paperSize, language));
  }
  return files;
}

/** The files as docx-package.ts reads them back: each language's files by paper size, base64. */
export function probesJson(files: ProbeDocxFiles): string {
  return JSON.stringify(Object.fromEntries(LANGUAGES.map((language) => [
    language,
    Object.fromEntries(PAPER_SIZES.map((paperSize) => [paperSize, files[language][paperSize].toString('base64')])),
  ])));
}

/** Whether this module is the script node was started with (import.meta.url has its symbolic links resolved, argv may not). */
function runAsScript(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false; // node -e with arguments that are not files
  }
}

// Run as a script (the build): write the file beside the compiled writer.
if (runAsScript()) writeFileSync(BUILT_PROBES_FILE, probesJson(await renderProbes()));
