// The answers carried inside a Word file (src/render/embedded-answers.ts):
// each rule of the reader and the writer on a small hand-made package, so
// that what a freelancer meets when they upload a file ("continue from a
// file") is pinned case by case: which part wins, which parts are someone
// else's, and which refusal they read.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  ANSWERS_NAMESPACE,
  answersPartXml,
  embedAnswers,
  EmbeddedAnswersError,
  itemPropsXml,
  readEmbeddedAnswers,
} from '../../src/render/embedded-answers.ts';

const NOT_OURS = 'This Word file was not made by this app, or its answers were removed.';
const OTHER_VERSION = 'This Word file was made by a different version of this app, and its answers cannot be read.';

const RELS = 'word/_rels/document.xml.rels';
const TYPES = '[Content_Types].xml';

/** The smallest package embedAnswers works on: the document's relationships and the content types. */
function minimalPackage({ defaultXml = true, rels = '' }: { defaultXml?: boolean; rels?: string } = {}): Uint8Array {
  return zipSync({
    [TYPES]: strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        (defaultXml ? '<Default Extension="xml" ContentType="application/xml"/>' : '') +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    [RELS]: strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
  });
}

const parts = (zip: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));

/** A custom XML item holding `body` inside our root element. */
const ours = (body: string, attributes = 'version="1"') => strToU8(`<answers xmlns="${ANSWERS_NAMESPACE}" ${attributes}>${body}</answers>`);

function refusal(bytes: Uint8Array): EmbeddedAnswersError {
  let caught: unknown;
  try {
    readEmbeddedAnswers(bytes);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EmbeddedAnswersError);
  return caught as EmbeddedAnswersError;
}

describe('writing the answers into a package', () => {
  it('adds the item, its properties and both relationships, and gives the answers back', () => {
    const zip = embedAnswers(minimalPackage(), { name: 'Jordan' });
    const files = parts(zip);
    expect(files['customXml/item1.xml']).toContain(`xmlns="${ANSWERS_NAMESPACE}"`);
    expect(files['customXml/itemProps1.xml']).toContain(`ds:uri="${ANSWERS_NAMESPACE}"`);
    expect(files['customXml/_rels/item1.xml.rels']).toContain('Target="itemProps1.xml"');
    expect(files[RELS]).toContain('<Relationship Id="rIdAnswers1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>');
    expect(files[TYPES]).toContain('<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>');
    // The package's default covers the item itself: no override of its own.
    expect(files[TYPES]).not.toContain('PartName="/customXml/item1.xml"');
    expect(readEmbeddedAnswers(zip)).toEqual({ name: 'Jordan' });
  });

  it('gives the item a content type of its own when the package has no default for .xml', () => {
    const files = parts(embedAnswers(minimalPackage({ defaultXml: false }), { a: 1 }));
    expect(files[TYPES]).toContain('<Override PartName="/customXml/item1.xml" ContentType="application/xml"/>');
    expect(files[TYPES]!.indexOf('/customXml/item1.xml')).toBeLessThan(files[TYPES]!.indexOf('</Types>'));
  });

  it('takes the next free item number and relationship id beside parts already there', () => {
    const once = embedAnswers(minimalPackage({ rels: '<Relationship Id="rIdAnswers1" Type="x" Target="y"/>' }), { first: true });
    const twice = embedAnswers(once, { second: true });
    const files = parts(twice);
    expect(Object.keys(files).filter((name) => /^customXml\/item\d+\.xml$/.test(name)).sort()).toEqual(['customXml/item1.xml', 'customXml/item2.xml']);
    expect(files[RELS]).toContain('Id="rIdAnswers2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"');
    expect(files[RELS]).toContain('Id="rIdAnswers3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item2.xml"');
    expect(files['customXml/_rels/item2.xml.rels']).toContain('Target="itemProps2.xml"');
    // The first answers item wins when a file carries two.
    expect(readEmbeddedAnswers(twice)).toEqual({ first: true });
  });

  it('refuses a package without the parts it must extend, naming the part', () => {
    const noRels = zipSync({ [TYPES]: strToU8('<Types></Types>') });
    expect(() => embedAnswers(noRels, {})).toThrow('embedAnswers: the package has no word/_rels/document.xml.rels');
    const brokenTypes = zipSync({ [TYPES]: strToU8('<Types>'), [RELS]: strToU8('<Relationships></Relationships>') });
    expect(() => embedAnswers(brokenTypes, {})).toThrow('embedAnswers: [Content_Types].xml has no </Types>');
  });

  it('writes U+FFFE and U+FFFF as JSON escapes, and reads them back unchanged', () => {
    const xml = answersPartXml({ text: 'a\uFFFEb\uFFFF' });
    expect(xml).toContain('a\\ufffeb\\uffff');
    expect(xml).not.toMatch(/[\uFFFE\uFFFF]/);
    expect(readEmbeddedAnswers(embedAnswers(minimalPackage(), { text: 'a\uFFFEb\uFFFF' }))).toEqual({ text: 'a\uFFFEb\uFFFF' });
  });

  it('escapes markup in the answers, every occurrence, and reads it back unchanged', () => {
    const answers = { client: 'Rossi & Partners <Ltd> & Co >', note: '&amp; stays as typed \uFFFF' };
    const xml = answersPartXml(answers);
    expect(xml).toContain('Rossi &amp; Partners &lt;Ltd&gt; &amp; Co &gt;');
    expect(xml).toContain('&amp;amp; stays as typed \\uffff');
    const text = xml.slice(xml.indexOf('version="1">') + 'version="1">'.length, xml.lastIndexOf('</answers>'));
    expect(text).not.toMatch(/[<>\uFFFF]/);
    expect(readEmbeddedAnswers(embedAnswers(minimalPackage(), answers))).toEqual(answers);
  });

  it('gives each file a fresh item id in the form Word writes: braces, upper case', () => {
    const id = (xml: string) => /ds:itemID="([^"]*)"/.exec(xml)?.[1];
    const first = id(itemPropsXml());
    expect(first).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    expect(id(itemPropsXml())).not.toBe(first);
  });
});

describe('reading the answers from an upload', () => {
  it('takes the lowest-numbered of our items, by number, not by name', () => {
    const zip = zipSync({
      'customXml/item10.xml': ours('{"from":"item10"}'),
      'customXml/item2.xml': ours('{"from":"item2"}'),
    });
    expect(readEmbeddedAnswers(zip)).toEqual({ from: 'item2' });
  });

  it('reads answers Word saved again as CDATA', () => {
    expect(readEmbeddedAnswers(zipSync({ 'customXml/item1.xml': ours('<![CDATA[{"a":"<b>"}]]>') }))).toEqual({ a: '<b>' });
  });

  it('skips parts that are not ours (not UTF-8, empty, a comment, broken XML, a DOCTYPE) and reads the next', () => {
    const zip = zipSync({
      'customXml/item1.xml': new Uint8Array([0xff, 0xfe, 0x00, 0x3c]),
      'customXml/item2.xml': strToU8(''),
      'customXml/item3.xml': strToU8('<!-- nothing here -->'),
      'customXml/item4.xml': strToU8('<b:Sources xmlns:b="urn:bibliography"><b:Source>'),
      'customXml/item5.xml': ours('{"found":5}'),
    });
    expect(readEmbeddedAnswers(zip)).toEqual({ found: 5 });
  });

  it('refuses our element behind a DOCTYPE: we never write one', () => {
    const doctype = strToU8(`<!DOCTYPE answers [<!ENTITY x "y">]><answers xmlns="${ANSWERS_NAMESPACE}" version="1">{"a":1}</answers>`);
    expect(refusal(zipSync({ 'customXml/item1.xml': doctype })).message).toBe(NOT_OURS);
  });

  it('refuses our element holding another element', () => {
    expect(refusal(zipSync({ 'customXml/item1.xml': ours('<x/>{"a":1}') })).message).toBe(NOT_OURS);
    // Not even our own element, which would otherwise hide the outer answers' text.
    expect(refusal(zipSync({ 'customXml/item1.xml': ours(`<answers xmlns="${ANSWERS_NAMESPACE}" version="1">{"b":2}</answers>{"a":1}`) })).message).toBe(NOT_OURS);
  });

  it('refuses our element when its XML breaks after it opened', () => {
    const broken = strToU8(`<answers xmlns="${ANSWERS_NAMESPACE}" version="1">{"a":1}</wrong>`);
    expect(refusal(zipSync({ 'customXml/item1.xml': broken })).message).toBe(NOT_OURS);
  });

  it('tells a file from another version of the app apart from a foreign one', () => {
    expect(refusal(zipSync({ 'customXml/item1.xml': ours('{"a":1}', 'version="2"') })).message).toBe(OTHER_VERSION);
    expect(refusal(zipSync({ 'customXml/item1.xml': ours('{"a":1}', '') })).message).toBe(OTHER_VERSION);
  });

  it('refuses an element of the right name in another namespace, or of another name in ours', () => {
    const theirs = strToU8('<answers xmlns="urn:someone-else" version="1">{"a":1}</answers>');
    const otherName = strToU8(`<questions xmlns="${ANSWERS_NAMESPACE}" version="1">{"a":1}</questions>`);
    expect(refusal(zipSync({ 'customXml/item1.xml': theirs })).message).toBe(NOT_OURS);
    expect(refusal(zipSync({ 'customXml/item1.xml': otherName })).message).toBe(NOT_OURS);
  });

  it('keeps the reason a file was refused for the log, and names the error', () => {
    const notJson = refusal(zipSync({ 'customXml/item1.xml': ours('{not json') }));
    expect(notJson.cause).toBeInstanceOf(SyntaxError);
    expect(notJson.name).toBe('EmbeddedAnswersError');
    const notZip = refusal(strToU8('not a zip at all'));
    expect(notZip.message).toBe(NOT_OURS);
    expect(notZip.cause).toBeInstanceOf(Error);
  });
});
