// The docx library's probe files, as `npm run build` writes them for the
// compiled server (src/render/docx-probes.ts) and the fast writer reads them
// back (src/render/docx-package.ts): the compiled server's Word files are made
// from exactly what the docx library renders, and a damaged file says how to
// mend it instead of serving broken packages.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, PAPER_SIZES } from '../../src/answers/schema.ts';
import { parseProbesJson } from '../../src/render/docx-package.ts';
import { probesJson, renderProbes } from '../../src/render/docx-probes.ts';

describe('the probe files the build writes for the fast writer', () => {
  it('read back byte for byte as the docx library rendered them, in every language and on every paper size', async () => {
    const rendered = await renderProbes();
    const read = parseProbesJson(probesJson(rendered));
    for (const language of LANGUAGES) {
      for (const paperSize of PAPER_SIZES) {
        expect(read[language][paperSize].subarray(0, 2).toString(), `${language} ${paperSize}`).toBe('PK');
        expect(read[language][paperSize].equals(rendered[language][paperSize]), `${language} ${paperSize}`).toBe(true);
      }
    }
  });

  it('stop the start with the file named and "npm run build" when the file is damaged', () => {
    expect(() => parseProbesJson('{"en":')).toThrow(/docx-probes\.json is not JSON \(.+\): npm run build writes it again$/);
    expect(() => parseProbesJson('null')).toThrow(/docx-probes\.json has no en letter probe: npm run build writes it again$/);
    expect(() => parseProbesJson(JSON.stringify({ en: { letter: 'UEs=', a4: 'UEs=' }, ja: { letter: 'UEs=' } }))).toThrow(/has no ja a4 probe/);
  });
});
