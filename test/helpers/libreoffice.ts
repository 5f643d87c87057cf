// A Word file as a reader meets it: opened by LibreOffice, printed to PDF and
// read back with pdftotext. Needs soffice and pdftotext (see .ci/run).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Printer {
  /** The printed text of `docx`, white space folded to single spaces. */
  printedText(docx: Buffer, name: string): Promise<string>;
  /**
   * The printed pages of `docx`, each as its lines laid out as on paper
   * (pdftotext -layout), blank lines dropped: what a reader sees at the foot
   * of each page.
   */
  printedPages(docx: Buffer, name: string): Promise<string[][]>;
  /** Removes the printer's working folder and every file it printed. */
  close(): Promise<void>;
}

export async function libreOfficePrinter(prefix: string): Promise<Printer> {
  const workDir = await mkdtemp(join(tmpdir(), prefix));
  /** The PDF LibreOffice prints from `docx`, as pdftotext -layout reads it: pages separated by form feeds. */
  const laidOutText = async (docx: Buffer, name: string) => {
    const dir = join(workDir, name);
    await mkdir(dir, { recursive: true });
    const docxPath = join(dir, `${name}.docx`);
    await writeFile(docxPath, docx);
    // A profile of its own: two soffice processes sharing one block each other.
    const profile = pathToFileURL(join(workDir, `profile-${randomUUID()}`)).href;
    const soffice = await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, docxPath], { timeout: 180_000 });
    const pdfPath = join(dir, `${name}.pdf`);
    if (!existsSync(pdfPath)) throw new Error(`LibreOffice made no PDF from ${name}.docx.\nstdout: ${soffice.stdout}\nstderr: ${soffice.stderr}`);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  };
  return {
    async printedText(docx, name) {
      return (await laidOutText(docx, name)).replace(/\s+/g, ' ');
    },
    async printedPages(docx, name) {
      const pages = (await laidOutText(docx, name)).split('\f');
      // pdftotext ends the last page with a form feed too.
      if (pages.at(-1)!.trim() === '') pages.pop();
      return pages.map((page) => page.split('\n').filter((line) => line.trim() !== ''));
    },
    close: () => rm(workDir, { recursive: true, force: true }),
  };
}
