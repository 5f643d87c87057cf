// The answers a contract was made from, carried inside its Word file as a
// custom XML part, so that an uploaded DOCX can reopen the wizard where the
// freelancer left off. Word keeps custom XML parts it does not understand
// when it saves, which is why the answers live there and not in the text.
//
// The reader trusts nothing in the upload: it inflates only the parts that
// can hold our answers, each with a bounded size, and a part is ours only if
// its root element is in our namespace.
import { randomUUID } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { SaxesParser } from 'saxes';
import { safeUnzip, type SafeUnzipLimits, type SafeUnzipResult } from './safe-unzip.ts';

export const ANSWERS_NAMESPACE = 'urn:freelance-contract-generator:answers:v1';
export const ANSWERS_VERSION = '1';
/**
 * Above the largest valid answers (every text at its cap in three-byte
 * characters: about 220 kB, 50 deliverables of 1,000 being most of it), and
 * small enough that reading a part this size (XML, JSON, the schema) costs
 * milliseconds. An answers file (.json) is held to the same bound.
 */
export const MAX_ANSWERS_PART_BYTES = 256 * 1024;
/**
 * What reading an upload may cost. A Word file has a few dozen parts, so a zip
 * claiming over 10,000 is not one; each custom XML item is at most
 * MAX_ANSWERS_PART_BYTES; all of them together, inflated, have room for ours
 * and a few of Word's.
 */
export const ANSWERS_UNZIP_LIMITS: SafeUnzipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: MAX_ANSWERS_PART_BYTES,
  maxTotalBytes: 2 * MAX_ANSWERS_PART_BYTES,
};

const NOT_OURS = 'This Word file was not made by this app, or its answers were removed.';

export class EmbeddedAnswersError extends Error {
  override readonly name = 'EmbeddedAnswersError';
  constructor(message: string = NOT_OURS, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const CUSTOM_XML_ITEM = /^customXml\/item(\d+)\.xml$/;
/** The parts an upload may carry answers in: the only ones ever inflated. */
export const isCustomXmlItem = (name: string): boolean => CUSTOM_XML_ITEM.test(name);
const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const CUSTOM_XML_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const CUSTOM_XML_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

// ---------------------------------------------------------------------------
// Writing

// What the JSON of the answers needs to sit in XML text: `&`, `<` and `>`
// escaped, and the two characters XML 1.0 forbids that JSON.stringify lets
// through, the noncharacters U+FFFE and U+FFFF, written as \uXXXX escapes so
// the answers come back exactly as they were. Every other character XML
// cannot carry (C0 controls, lone surrogates) JSON.stringify already writes as
// an escape. One test finds whether any of them is there at all; replaceAll
// with a string is a plain search, where a global pattern with a replacer
// cost as much as the JSON.stringify before it.
const NOT_XML_TEXT = /[&<>\uFFFE\uFFFF]/;

function asXmlText(json: string): string {
  if (!NOT_XML_TEXT.test(json)) return json;
  return json.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\uFFFE', '\\ufffe').replaceAll('\uFFFF', '\\uffff');
}

/** The custom XML item holding the answers: our namespace, a version, the JSON as text. */
export function answersPartXml(answers: unknown): string {
  return jsonPartXml({ local: 'answers', namespace: ANSWERS_NAMESPACE, version: ANSWERS_VERSION }, answers);
}

/** One of our custom XML items: its root element in our namespace, a version, the JSON as text. */
export function jsonPartXml(part: OurPart, value: unknown): string {
  return `${XML_DECLARATION}\n<${part.local} xmlns="${part.namespace}" version="${part.version}">${asXmlText(JSON.stringify(value))}</${part.local}>`;
}

/**
 * The properties part of the answers item around its item id, which is all
 * that changes from one file to the next (the fast writer keeps the two
 * sides deflated, render/docx-package.ts).
 */
export const ITEM_PROPS_AROUND_ID = {
  before: `${XML_DECLARATION}\n<ds:datastoreItem ds:itemID="`,
  after:
    '" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">' +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${ANSWERS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
} as const;

/** Word identifies a custom XML part by this id; a fresh one per file, as Word does. */
export function newItemId(): string {
  return `{${randomUUID().toUpperCase()}}`;
}

/** The properties part of the answers item (or another of our items, by its namespace); a fresh item id each call. */
export function itemPropsXml(namespace: string = ANSWERS_NAMESPACE): string {
  const after = namespace === ANSWERS_NAMESPACE ? ITEM_PROPS_AROUND_ID.after : ITEM_PROPS_AROUND_ID.after.replace(ANSWERS_NAMESPACE, namespace);
  return ITEM_PROPS_AROUND_ID.before + newItemId() + after;
}

function itemRelsXml(propsName: string): string {
  return (
    `${XML_DECLARATION}\n` +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="${propsName}"/></Relationships>`
  );
}

function insertBefore(xml: string, closingTag: string, addition: string, part: string): string {
  const at = xml.lastIndexOf(closingTag);
  if (at < 0) throw new Error(`embedAnswers: ${part} has no ${closingTag}`);
  return xml.slice(0, at) + addition + xml.slice(at);
}

function freeRelationshipId(rels: string): string {
  for (let n = 1; ; n++) {
    const id = `rIdAnswers${n}`;
    if (!rels.includes(`Id="${id}"`)) return id;
  }
}

/**
 * The answers item as the bytes stored in the package. Throws when it is
 * larger than readEmbeddedAnswers accepts: such a file could never be loaded back.
 */
export function answersPartBytes(answers: unknown): Uint8Array<ArrayBuffer> {
  // Node's encoder, not fflate's strToU8: the answers are the largest text of the file after the document.
  const bytes = Buffer.from(answersPartXml(answers), 'utf8');
  if (bytes.length > MAX_ANSWERS_PART_BYTES) {
    throw new Error(`embedAnswers: the answers take ${bytes.length} bytes, more than the ${MAX_ANSWERS_PART_BYTES} the reader accepts`);
  }
  return bytes;
}

/**
 * Adds the answers to a packed Word file: the item, its properties part and
 * their relationships, the document's relationship to the item and the
 * content type of the properties part (items are covered by the package's
 * default for .xml, which a package without one is given).
 */
export function embedAnswers(docx: Uint8Array, answers: unknown): Uint8Array {
  return embedCustomXmlPart(docx, answersPartBytes(answers), ANSWERS_NAMESPACE);
}

/** Adds one custom XML item of ours (its root in `namespace`) to a packed Word file, as embedAnswers does the answers. */
export function embedCustomXmlPart(docx: Uint8Array, part: Uint8Array<ArrayBuffer>, namespace: string): Uint8Array {
  const files: Unzipped = unzipSync(docx);
  addCustomXmlPart(files, part, namespace);
  return zipSync(files, { level: 6 });
}

/** embedAnswers on a package already unzipped, in place: for a caller that changes other parts too before zipping once. */
export function addAnswersParts(files: Unzipped, answers: unknown): void {
  addCustomXmlPart(files, answersPartBytes(answers), ANSWERS_NAMESPACE);
}

function addCustomXmlPart(files: Unzipped, part: Uint8Array<ArrayBuffer>, namespace: string): void {
  let n = 1;
  while (files[`customXml/item${n}.xml`]) n++;
  const item = `item${n}.xml`;
  const props = `itemProps${n}.xml`;

  files[`customXml/${item}`] = part;
  files[`customXml/${props}`] = strToU8(itemPropsXml(namespace));
  files[`customXml/_rels/${item}.rels`] = strToU8(itemRelsXml(props));

  const relsName = 'word/_rels/document.xml.rels';
  const rels = strFromU8(required(files, relsName));
  files[relsName] = strToU8(
    insertBefore(rels, '</Relationships>', `<Relationship Id="${freeRelationshipId(rels)}" Type="${CUSTOM_XML_REL}" Target="../customXml/${item}"/>`, relsName),
  );

  const typesName = '[Content_Types].xml';
  let types = strFromU8(required(files, typesName));
  if (!/<Default\s[^>]*\bExtension="xml"/i.test(types)) {
    types = insertBefore(types, '</Types>', `<Override PartName="/customXml/${item}" ContentType="application/xml"/>`, typesName);
  }
  files[typesName] = strToU8(
    insertBefore(types, '</Types>', `<Override PartName="/customXml/${props}" ContentType="${CUSTOM_XML_PROPS_TYPE}"/>`, typesName),
  );
}

function required(files: Unzipped, name: string): Uint8Array {
  const bytes = files[name];
  if (!bytes) throw new Error(`embedAnswers: the package has no ${name}`);
  return bytes;
}

// ---------------------------------------------------------------------------
// Reading

// Thrown inside the parser's callbacks when the part turns out to be someone else's.
const NOT_OUR_PART = Symbol('not our part');

/**
 * The JSON text of a custom XML item if its root is our `answers` element, or
 * null if the item belongs to someone else. Accepts what Word may write when it
 * saves the part again: a prefix, reordered attributes, entities, CDATA.
 *
 * A real XML parser (saxes: one pass, no backtracking, no DTD, no external
 * entities) rather than patterns, so that the time spent is linear in the part,
 * whatever comments or markup an upload piles up; the part itself is capped
 * at MAX_ANSWERS_PART_BYTES by the unzip.
 */
/** Which of our custom XML items to read: its root element, namespace and version. */
export interface OurPart {
  readonly local: string;
  readonly namespace: string;
  readonly version: string;
}

const ANSWERS_PART: OurPart = { local: 'answers', namespace: ANSWERS_NAMESPACE, version: ANSWERS_VERSION };

function answersJson(xml: string, part: OurPart = ANSWERS_PART): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let ours = false;
  let depth = 0;
  const text: string[] = [];
  parser.on('doctype', () => {
    // We never write a DOCTYPE; one in front of the root is not our part.
    throw NOT_OUR_PART;
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > 1) throw new EmbeddedAnswersError(); // text and CDATA only: an element inside means it is not what we wrote
    if (tag.local !== part.local || tag.uri !== part.namespace) throw NOT_OUR_PART;
    ours = true;
    if (tag.attributes.version?.value !== part.version) {
      throw new EmbeddedAnswersError('This Word file was made by a different version of this app, and its answers cannot be read.');
    }
  });
  parser.on('closetag', () => {
    depth--;
  });
  parser.on('text', (value) => {
    if (depth === 1) text.push(value);
  });
  parser.on('cdata', (value) => {
    if (depth === 1) text.push(value);
  });
  parser.on('error', () => {
    if (ours) throw new EmbeddedAnswersError();
    throw NOT_OUR_PART;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error === NOT_OUR_PART) return null;
    throw error;
  }
  return ours ? text.join('') : null;
}

/**
 * The answers embedded in a Word file made by this app, as parsed JSON
 * (unchecked: run them through the answers schema). Throws
 * EmbeddedAnswersError when the file is not a zip, holds no answers of ours,
 * or holds a part too large or too broken to be ours.
 */
export function readEmbeddedAnswers(docx: Uint8Array): unknown {
  return readOurJsonPart(docx, ANSWERS_PART);
}

/** The JSON of one of our custom XML items, read as warily as the answers; EmbeddedAnswersError when there is none. */
export function readOurJsonPart(docx: Uint8Array, part: OurPart): unknown {
  let read: SafeUnzipResult;
  try {
    // Only custom XML items are inflated, each no larger than it claims, all
    // together within a bound: a small upload cannot cost much to read.
    read = safeUnzip(docx, isCustomXmlItem, ANSWERS_UNZIP_LIMITS);
  } catch (cause) {
    throw new EmbeddedAnswersError(NOT_OURS, { cause });
  }
  const files = Object.fromEntries(read.files);
  const tooLarge = read.skippedTooLarge;

  const names = Object.keys(files).sort(
    (a, b) => Number(CUSTOM_XML_ITEM.exec(a)![1]) - Number(CUSTOM_XML_ITEM.exec(b)![1]),
  );
  for (const name of names) {
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(files[name]);
    } catch {
      continue; // not text, so not ours
    }
    const json = answersJson(xml, part);
    if (json === null) continue;
    try {
      return JSON.parse(json) as unknown;
    } catch (cause) {
      throw new EmbeddedAnswersError(NOT_OURS, { cause });
    }
  }
  if (tooLarge) throw new EmbeddedAnswersError('This Word file holds a part too large to be answers made by this app.');
  throw new EmbeddedAnswersError();
}
