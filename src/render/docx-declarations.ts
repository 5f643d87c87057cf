// What a Word file declares about itself beyond what the docx library
// writes: the fonts it uses (word/fontTable.xml), the language settings Word
// and LibreOffice lay Japanese out by (word/settings.xml), and the document's
// language in its core properties (docProps/core.xml).
//
// render/docx.ts applies `declarePackage` to every file the docx library
// packs (contracts, letters, invoices). The fast writer (docx-package.ts)
// takes fontTable.xml and settings.xml from the library's probe files, so
// they match by construction; it writes core.xml itself, with
// `languageProperty` from here.
import { strFromU8, strToU8, type Unzipped } from 'fflate';
import type { Language } from '../answers/schema.ts';

/** A font as word/fontTable.xml declares it: what Word and other readers use to pick a substitute when the face is missing. */
export interface DeclaredFont {
  readonly name: string;
  /** The font's other name (Word writes the English name of a Japanese face here). */
  readonly altName?: string;
  /** PANOSE classification, 10 bytes in hex: the closest installed face by shape. */
  readonly panose: string;
  /** Windows character set: 00 Latin, 80 Shift-JIS. */
  readonly charset: string;
  /** roman (serif), swiss (sans serif), modern (fixed pitch). */
  readonly family: 'roman' | 'swiss' | 'modern';
  readonly pitch: 'variable' | 'fixed';
}

/** Calibri, as Word declares it. */
export const CALIBRI: DeclaredFont = { name: 'Calibri', panose: '020F0502020204030204', charset: '00', family: 'swiss', pitch: 'variable' };

/**
 * MS Mincho under its Japanese name, as Japanese Word declares it. Word,
 * Office for Mac and Japanese Windows have it. LibreOffice does not read the
 * table's substitution hints (7.4, checked: a Yu Mincho declared roman with a
 * Mincho altName still printed in Noto Sans CJK, a gothic face); it asks
 * fontconfig for the name, and fontconfig's stock rules (40-nonlatin.conf)
 * class ＭＳ 明朝 as serif, so it prints in Noto Serif CJK JP, a Mincho.
 * "Yu Mincho", "游明朝" and "MS Mincho" all fell back to the gothic face.
 */
export const MS_MINCHO: DeclaredFont = {
  name: 'ＭＳ 明朝',
  altName: 'MS Mincho',
  panose: '02020609040205080304',
  charset: '80',
  family: 'modern',
  pitch: 'fixed',
};

/** What each language's documents declare: the fonts, and the languages Word reads theme fonts and spacing by. */
interface LanguageDeclarations {
  readonly fonts: readonly DeclaredFont[];
  /** BCP 47, for docProps/core.xml's dc:language. */
  readonly tag: string;
  readonly themeFontLang: string;
  /** Word's own value for the language: Japanese compresses punctuation only, English compresses nothing. */
  readonly characterSpacingControl: 'doNotCompress' | 'compressPunctuation';
}

export const DECLARATIONS: Readonly<Record<Language, LanguageDeclarations>> = {
  en: { fonts: [CALIBRI], tag: 'en-US', themeFontLang: '<w:themeFontLang w:val="en-US"/>', characterSpacingControl: 'doNotCompress' },
  ja: {
    fonts: [MS_MINCHO],
    tag: 'ja-JP',
    themeFontLang: '<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>',
    characterSpacingControl: 'compressPunctuation',
  },
};

const FONTS_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">';

export function fontTableXml(fonts: readonly DeclaredFont[]): string {
  const font = (f: DeclaredFont) =>
    `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ''}<w:panose1 w:val="${f.panose}"/>` +
    `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`;
  return `${FONTS_START}${fonts.map(font).join('')}</w:fonts>`;
}

/** docProps/core.xml's language element (the core properties are an xsd:all, so its place does not matter). */
export const languageProperty = (language: Language | undefined) => `<dc:language>${DECLARATIONS[language ?? 'en'].tag}</dc:language>`;

class DeclarationError extends Error {
  override readonly name = 'DeclarationError';
}

function replacePart(files: Unzipped, name: string, change: (xml: string) => string): void {
  const bytes = files[name];
  if (!bytes) throw new DeclarationError(`The docx library's package has no ${name}`);
  files[name] = strToU8(change(strFromU8(bytes)));
}

function insertAt(xml: string, marker: string, insertion: string, after: boolean, part: string): string {
  const at = xml.indexOf(marker);
  if (at < 0) throw new DeclarationError(`${part} has no ${marker}: compare render/docx-declarations.ts with the docx library's output`);
  const index = after ? at + marker.length : at;
  return xml.slice(0, index) + insertion + xml.slice(index);
}

/**
 * The declarations added to an unzipped package from the docx library, in
 * place. In settings.xml, w:characterSpacingControl goes before w:compat and
 * w:themeFontLang after it: CT_Settings is a sequence, and strict readers
 * (and the schema check) want that order.
 */
export function declarePackage(files: Unzipped, language: Language | undefined): void {
  const declarations = DECLARATIONS[language ?? 'en'];
  files['word/fontTable.xml'] = strToU8(fontTableXml(declarations.fonts));
  replacePart(files, 'word/settings.xml', (xml) => {
    const spaced = insertAt(xml, '<w:compat>', `<w:characterSpacingControl w:val="${declarations.characterSpacingControl}"/>`, false, 'word/settings.xml');
    return insertAt(spaced, '</w:compat>', declarations.themeFontLang, true, 'word/settings.xml');
  });
  replacePart(files, 'docProps/core.xml', (xml) => insertAt(xml, '</cp:coreProperties>', languageProperty(language), false, 'docProps/core.xml'));
}
