// Reads a Word file back the way a strict consumer would: every XML part must
// be well-formed, namespace-correct XML 1.0 (Word shows a repair prompt, or
// refuses the file, for less). Tests then look at what a person would see:
// the text of each paragraph, and the few properties that shape it.
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface XmlElement {
  readonly uri: string;
  readonly local: string;
  /** Attributes by qualified name (`w:val`), as written. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

/** Parses XML strictly (namespaces on, no DTD); any error throws, naming the part. */
export function parseXmlStrict(xml: string, partName: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, fileName: partName });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('doctype', () => {
    failure ??= new Error(`${partName}: has a DOCTYPE, which Word refuses`);
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    const element: XmlElement = { uri: tag.uri ?? '', local: tag.local ?? tag.name, attributes, children: [] };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string) => {
    stack.at(-1)?.children.push(text);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml).close();
  if (failure) throw failure;
  if (!root) throw new Error(`${partName}: no root element`);
  return root;
}

export function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    yield child;
    yield* descendants(child);
  }
}

export function findAll(element: XmlElement, uri: string, local: string): XmlElement[] {
  return [...descendants(element)].filter((e) => e.uri === uri && e.local === local);
}

export function findFirst(element: XmlElement, uri: string, local: string): XmlElement | undefined {
  for (const e of descendants(element)) if (e.uri === uri && e.local === local) return e;
  return undefined;
}

export function textContent(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('');
}

export interface DocxParagraph {
  /** What a reader sees: w:t text, w:tab as \t, w:br as \n, w:noBreakHyphen as -. Field results are not computed. */
  readonly text: string;
  readonly style?: string;
  readonly numId?: string;
  readonly level?: string;
  /** The paragraph reads right to left (w:bidi). */
  readonly bidi: boolean;
  /** Some run in it is marked right to left (w:rtl). */
  readonly rtlRun: boolean;
  /** Field instructions in the paragraph, such as PAGE and NUMPAGES. */
  readonly fields: string[];
  readonly element: XmlElement;
}

function paragraphText(paragraph: XmlElement): string {
  let text = '';
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (child.uri !== W) continue;
      if (child.local === 't') text += textContent(child);
      else if (child.local === 'tab' && element.local === 'r') text += '\t';
      else if (child.local === 'br' || child.local === 'cr') text += '\n';
      // Word draws a non-breaking hyphen as a hyphen, and copying gives one.
      else if (child.local === 'noBreakHyphen' && element.local === 'r') text += '-';
      else if (child.local === 'p') continue; // a nested paragraph (text box) is read on its own
      else walk(child);
    }
  };
  walk(paragraph);
  return text;
}

const val = (element: XmlElement | undefined) => element?.attributes['w:val'];

export function readParagraph(element: XmlElement): DocxParagraph {
  const pPr = element.children.find((c): c is XmlElement => typeof c !== 'string' && c.uri === W && c.local === 'pPr');
  const numPr = pPr && findFirst(pPr, W, 'numPr');
  return {
    text: paragraphText(element),
    style: val(pPr && findFirst(pPr, W, 'pStyle')),
    numId: val(numPr && findFirst(numPr, W, 'numId')),
    level: val(numPr && findFirst(numPr, W, 'ilvl')),
    bidi: pPr !== undefined && findFirst(pPr, W, 'bidi') !== undefined,
    rtlRun: findAll(element, W, 'r').some((run) => {
      const rPr = findFirst(run, W, 'rPr');
      return rPr !== undefined && findFirst(rPr, W, 'rtl') !== undefined;
    }),
    fields: findAll(element, W, 'instrText').map((e) => textContent(e).trim()),
    element,
  };
}

export interface DocxPackage {
  /** Every part name in the zip, folders excluded. */
  readonly partNames: string[];
  /** Raw bytes of a part. */
  bytes(name: string): Uint8Array;
  /** A part as text (UTF-8). */
  xmlText(name: string): string;
  /** A parsed XML part (every .xml and .rels part was already parsed strictly on open). */
  xml(name: string): XmlElement;
  /** The paragraphs of a part, tables' included, in reading order. */
  paragraphs(name?: string): DocxParagraph[];
  /** All the visible text of a part, one paragraph a line. */
  text(name?: string): string;
  /** Core properties (docProps/core.xml) by local name: title, subject, creator, keywords, description... */
  coreProperties(): Record<string, string>;
  /** The parts a relationship part points to, by relationship type. */
  relationships(relsName: string): { id: string; type: string; target: string }[];
}

/** Opens a DOCX, parsing every .xml and .rels part strictly: one bad part throws. */
export function openDocx(buffer: Uint8Array): DocxPackage {
  const files = unzipSync(buffer);
  const partNames = Object.keys(files).filter((name) => !name.endsWith('/'));
  const parsed = new Map<string, XmlElement>();
  for (const name of partNames) {
    if (/\.(xml|rels)$/.test(name)) parsed.set(name, parseXmlStrict(decodeUtf8(files[name]!, name), name));
  }
  const part = (name: string) => {
    const element = parsed.get(name);
    if (!element) throw new Error(`no XML part ${name} (parts: ${partNames.join(', ')})`);
    return element;
  };
  const paragraphs = (name = 'word/document.xml') => findAll(part(name), W, 'p').map(readParagraph);
  return {
    partNames,
    bytes: (name) => {
      const bytes = files[name];
      if (!bytes) throw new Error(`no part ${name}`);
      return bytes;
    },
    xmlText: (name) => decodeUtf8(files[name] ?? new Uint8Array(), name),
    xml: part,
    paragraphs,
    text: (name) => paragraphs(name).map((p) => p.text).join('\n'),
    coreProperties: () => {
      const properties: Record<string, string> = {};
      for (const child of part('docProps/core.xml').children) {
        if (typeof child !== 'string') properties[child.local] = textContent(child);
      }
      return properties;
    },
    relationships: (relsName) =>
      part(relsName)
        .children.filter((c): c is XmlElement => typeof c !== 'string' && c.local === 'Relationship')
        .map((r) => ({ id: r.attributes.Id ?? '', type: r.attributes.Type ?? '', target: r.attributes.Target ?? '' })),
  };
}

function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${name}: not valid UTF-8`);
  }
}

