// The PDF's own writer (render/pdf-writer.ts, render/pdf-document.ts): what a
// reader relies on to open the file at all (every cross-reference offset
// lands on its object), what a screen reader relies on (each piece of marked
// content on a page leads back to its structure element through the
// ParentTree), and what keeps typed text inert (a title with brackets,
// backslashes or Japanese stays one string, never an operator).
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { glyphCode, PdfDocument } from '../../src/render/pdf-document.ts';
import { renderContractPdf, renderInvoicePdf } from '../../src/render/pdf.ts';
import { ByteSink, dictionary, PdfWriter, textString } from '../../src/render/pdf-writer.ts';
import { pdfText } from '../helpers/pdf-reader.ts';
import { JA_SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

/** Each object number in the xref table and the byte offset it gives. */
function xrefOffsets(pdf: Buffer): Map<number, number> {
  const text = pdf.toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  expect(text.slice(start, start + 5)).toBe('xref\n');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(start))!;
  expect(first).toBe('0');
  const rows = text.slice(start).split('\n').slice(2, 2 + Number(count));
  expect(rows[0]).toBe('0000000000 65535 f ');
  const offsets = new Map<number, number>();
  rows.slice(1).forEach((row, index) => {
    expect(row).toMatch(/^\d{10} 00000 n $/);
    offsets.set(index + 1, Number(row.slice(0, 10)));
  });
  return offsets;
}

function expectOffsetsExact(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  const offsets = xrefOffsets(pdf);
  expect(offsets.size).toBeGreaterThan(0);
  for (const [id, offset] of offsets) expect(text.slice(offset, offset + `${id} 0 obj\n`.length), `object ${id}`).toBe(`${id} 0 obj\n`);
  // Every object in the file is in the table.
  expect(text.match(/^\d+ 0 obj$/gm)).toHaveLength(offsets.size);
}

/**
 * Where a literal string that starts at `at` ends, read as a PDF reader
 * reads it: a backslash escapes the next byte, unescaped brackets nest.
 */
function literalEnd(text: string, at: number): number {
  expect(text[at]).toBe('(');
  let depth = 0;
  for (let index = at; index < text.length; index++) {
    const character = text[index];
    if (character === '\\') index++;
    else if (character === '(') depth++;
    else if (character === ')' && --depth === 0) return index;
  }
  throw new Error('unterminated string');
}

describe('the bytes a file is written into', () => {
  it('writes numbers as decimal digits and text a byte a character, growing past the room it started with', () => {
    const sink = new ByteSink(Buffer.alloc(4));
    for (const value of [0, 7, 10, 99, 100, 1234567, 2 ** 40]) {
      sink.int(value);
      sink.text(' ');
    }
    // Short text byte by byte, long text in one copy: both a byte a character, beyond ASCII included.
    sink.text('(\xe9\xff) Tj');
    sink.text(`${'x'.repeat(40)}\x80`);
    sink.put(Buffer.from([0x0a]));
    expect(sink.bytes.subarray(0, sink.length).toString('latin1')).toBe(`0 7 10 99 100 1234567 1099511627776 (\xe9\xff) Tj${'x'.repeat(40)}\x80\n`);
  });
});

describe('the cross-reference table', () => {
  it('gives each object its exact byte offset, whatever order the objects were written in', () => {
    const writer = new PdfWriter();
    const [a, b, c] = [writer.reserve(), writer.reserve(), writer.reserve()];
    writer.object(c, dictionary({ Type: '/Catalog', Pages: `${b} 0 R` }));
    writer.stream(a, { Filter: undefined }, Buffer.from('BT (é) Tj ET\nendobj 9 0 obj', 'latin1'));
    writer.object(b, dictionary({ Type: '/Pages', Count: '0', Kids: '[]' }));
    const pdf = writer.finish({ root: c, info: b, id: new Uint8Array(16) });
    expectOffsetsExact(pdf);
    expect(xrefOffsets(pdf).get(a)).toBe(pdf.indexOf('1 0 obj\n'));
    const text = pdf.toString('latin1');
    expect(text).toContain('/Length 27\n>>\nstream\nBT (é) Tj ET\nendobj 9 0 obj\nendstream');
    expect(text).toMatch(/trailer\n<<\n\/Size 4\n\/Root 3 0 R\n\/Info 2 0 R\n\/ID \[<0{32}> <0{32}>\]\n>>\nstartxref\n\d+\n%%EOF\n$/);
  });

  it('refuses a file with an object reserved and never written, or written twice', () => {
    const unwritten = new PdfWriter();
    unwritten.reserve();
    expect(() => unwritten.finish({ root: 1, info: 1, id: new Uint8Array(16) })).toThrow(/Object 1 was reserved but never written/);
    const twice = new PdfWriter();
    const id = twice.reserve();
    twice.object(id, '[]');
    expect(() => twice.object(id, '[]')).toThrow(/written twice/);
  });

  it('is exact in a whole contract, a Japanese one included', async () => {
    const library = loadContractLibrary();
    for (const sample of ['new-client-fixed', JA_SAMPLE_NAMES[0]!]) {
      const pdf = await renderContractPdf(assembleContract(answersSchema.parse(sampleInput(sample)), library));
      expectOffsetsExact(pdf);
    }
  });
});

describe('the structure tree', () => {
  it('maps every marked-content id on every page back to the element that holds it', async () => {
    const pdf = await renderContractPdf(assembleContract(answersSchema.parse(sampleInput('new-client-fixed')), loadContractLibrary()));
    const text = pdfText(pdf);
    const objects = new Map<number, string>();
    for (const match of text.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(Number(match[1]), match[2]!);
    const root = [...objects.values()].find((object) => object.includes('/Type /StructTreeRoot\n'))!;
    const parentTree = objects.get(Number(/\/ParentTree (\d+) 0 R/.exec(root)![1]))!;
    const nums = /\/Nums \[([\s\S]*)\]\n>>/.exec(parentTree)![1]!;
    // "0 [12 0 R 13 0 R] 1 [...]": each page's key and its elements by MCID.
    const byKey = new Map<number, number[]>();
    for (const match of nums.matchAll(/(\d+) \[([^\]]*)\]/g)) byKey.set(Number(match[1]), [...match[2]!.matchAll(/(\d+) 0 R/g)].map((ref) => Number(ref[1])));
    const pages = [...objects].filter(([, object]) => object.includes('/Type /Page\n'));
    expect(pages.length).toBeGreaterThan(1);
    let marks = 0;
    for (const [pageId, page] of pages) {
      const key = Number(/\/StructParents (\d+)/.exec(page)![1]);
      const content = objects.get(Number(/\/Contents (\d+) 0 R/.exec(page)![1]))!;
      const mcids = [...content.matchAll(/<<\/MCID (\d+)>> BDC/g)].map((match) => Number(match[1]));
      // Numbered 0, 1, 2… in the order drawn, each once.
      expect(mcids).toEqual(mcids.map((_, index) => index));
      const elements = byKey.get(key)!;
      expect(elements).toHaveLength(mcids.length);
      mcids.forEach((mcid) => {
        const element = objects.get(elements[mcid]!)!;
        expect(element).toMatch(/^<<\n\/S \/[A-Za-z0-9]+\n/);
        // The MCID as a kid of its own when the element's page (/Pg) is this page, else a marked-content reference naming the page.
        const kids = /\/K \[([\s\S]*)\]\n>>$/.exec(element)![1]!;
        const ownPage = new RegExp(`^<<\\n/S /[A-Za-z0-9]+\\n/P \\d+ 0 R\\n/Pg ${pageId} 0 R\\n`).test(element);
        const bare = kids.replace(/<<[\s\S]*?>>/g, '').replace(/\d+ 0 R/g, '').trim().split(/\s+/).map(Number);
        if (ownPage && bare.includes(mcid)) return;
        expect(kids).toContain(`/Pg ${pageId} 0 R\n/MCID ${mcid}\n`);
      });
      marks += mcids.length;
    }
    expect(marks).toBeGreaterThan(50);
  });
});

describe('typed text in the file', () => {
  it('stays one string: brackets and backslashes escaped, anything beyond ASCII in hex', () => {
    expect(textString('Fees (net) \\ 10%')).toBe('(Fees \\(net\\) \\\\ 10%)');
    expect(textString(') Tj /F1 99 Tf (')).toBe('(\\) Tj /F1 99 Tf \\()');
    expect(textString('業務')).toBe('<FEFF696d52d9>');
    // A character above U+FFFF as its surrogate pair.
    expect(textString('𠮷')).toBe('<FEFFd842dfb7>');
  });

  it('a hostile title and author end where their strings end, in the Info dictionary and the XMP', () => {
    const title = 'Design (phase 2)) Tj ET /Evil \\ 業務委託';
    const author = 'Ana <script> & "Co" )';
    const doc = new PdfDocument({ title, author, subject: 'x', creator: 'test', language: 'en-US' }, { width: 612, height: 792 });
    doc.addPage();
    const pdf = doc.finish();
    const text = pdf.toString('latin1');
    const info = [...text.matchAll(/\d+ 0 obj\n(<<\n\/Title [\s\S]*?)\nendobj/g)][0]![1]!;
    // Non-ASCII: hex, which holds nothing but hex digits.
    expect(info).toMatch(/^<<\n\/Title <FEFF[0-9a-f]+>\n/);
    const authorAt = info.indexOf('/Author (') + '/Author '.length;
    expect(info.slice(authorAt, literalEnd(info, authorAt) + 2)).toBe('(Ana <script> & "Co" \\))\n');
    const xmp = pdf.toString('utf8');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Design (phase 2)) Tj ET /Evil \\ 業務委託</rdf:li>');
    expect(xmp).toContain('<rdf:li>Ana &lt;script&gt; &amp; &quot;Co&quot; )</rdf:li>');
    expectOffsetsExact(pdf);
  });

  it("writes a glyph code's bytes that a string would end or break on escaped", () => {
    // Printable ASCII: one byte, its own.
    expect(glyphCode(0x41)).toBe('A');
    expect(glyphCode(0x28)).toBe('\\(');
    expect(glyphCode(0x5c)).toBe('\\\\');
    // Two bytes from 0x8000 (0x8000 plus the CID).
    expect(glyphCode(0x8041)).toBe('\x80A');
    expect(glyphCode(0xa829)).toBe('\xa8\\)');
    expect(glyphCode(0x8d5c)).toBe('\x8d\\\\');
    expect(glyphCode(0x9c0d)).toBe('\x9c\\r');
  });
});

describe('underlined text', () => {
  it("draws a Japanese invoice's recipient with a rule under it, as wide as the name, in the text's colour", async () => {
    const invoice = assembleInvoice(invoiceRequestSchema.parse({ answers: sampleInput(JA_SAMPLE_NAMES[0]!), invoice: { kind: 'deposit', number: 'INV-1', issuedOn: '2027-06-01' } }));
    const text = pdfText(await renderInvoicePdf(invoice));
    // The recipient's name is the 14 pt line (「株式会社… 御中」); its rule follows the text object.
    const drawn = /BT \/F\d+ 14 Tf(?: [\d.]+ [\d.]+ [\d.]+ rg)? ([\d.]+) ([\d.]+) Td \([\s\S]*?\) Tj ET\n1 w\n0 0 0 RG\n([\d.]+) ([\d.]+) m\n([\d.]+) ([\d.]+) l\nS\n/.exec(text);
    expect(drawn, 'an underlined 14 pt line').not.toBeNull();
    const [x, baseline, fromX, fromY, toX, toY] = drawn!.slice(1).map(Number) as [number, number, number, number, number, number];
    expect(fromX).toBe(x);
    expect(toY).toBe(fromY);
    // Below the baseline (PDF's y runs up the page), within the descent.
    expect(fromY).toBeLessThan(baseline);
    expect(fromY).toBeGreaterThan(baseline - 14 * 0.4);
    // As wide as a name of a dozen characters at 14 pt.
    expect(toX - fromX).toBeGreaterThan(14 * 8);
  });
});
