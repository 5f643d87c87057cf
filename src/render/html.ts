// The contract tree as HTML: the wizard's review step and the API's
// `Accept: text/html` preview. It walks the same tree as the Word renderer,
// so the two cannot disagree; every string is escaped here, at the edge.
import { createHash } from 'node:crypto';
import type { Block, Contract, Paragraph, Section, TextRun } from '../contract/tree.ts';
import { clauseNumberingFor, numberLabel, type ClauseNumbering } from './clause-numbering.ts';
import { signatureLines } from './page.ts';
import { hasRightToLeft } from '../answers/text.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escaped text with its line breaks kept; `dir="auto"` lets right-to-left values lay out correctly. */
function text(value: string): string {
  const escaped = escapeHtml(value).replace(/\n/g, '<br>');
  return hasRightToLeft(value) ? `<bdi>${escaped}</bdi>` : escaped;
}

function runs(list: readonly TextRun[]): string {
  return list
    .map((run) => {
      let html = text(run.text);
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

/** A paragraph, numbered as Word numbers it when it is a point of its clause (7.2; in Japanese 2). */
function paragraph(node: Paragraph, clause: number, numbering: ClauseNumbering): string {
  if (node.continuesPoint) return `<p dir="auto" class="point-continued">${runs(node.runs)}</p>`;
  if (node.point === undefined) return `<p dir="auto">${runs(node.runs)}</p>`;
  if (node.point < numbering.firstNumberedPoint) return `<p dir="auto" class="point">${runs(node.runs)}</p>`;
  const label = escapeHtml(numberLabel(numbering.point, clause, node.point));
  const separator = numbering.separator === 'tab' ? ' ' : '';
  return `<p dir="auto" class="point"><span class="point-number">${label}</span>${separator}${runs(node.runs)}</p>`;
}

function block(node: Block, clause: number, numbering: ClauseNumbering): string {
  switch (node.type) {
    case 'paragraph':
      return paragraph(node, clause, numbering);
    case 'list':
      // Items (号) numbered as Word numbers them, 「(1)　…」, where the language has them.
      if (numbering.item) {
        const item = numbering.item;
        return `<ol class="items">${node.items
          .map((entry, index) => `<li dir="auto"><span class="item-number">${escapeHtml(numberLabel(item, clause, 0, index + 1))}</span>${runs(entry)}</li>`)
          .join('')}</ol>`;
      }
      return `<ul>${node.items.map((item) => `<li dir="auto">${runs(item)}</li>`).join('')}</ul>`;
    case 'table':
      return [
        `<table class="fee-table"><caption>${text(node.caption)}</caption>`,
        `<thead><tr><th scope="col">${text(node.header[0])}</th><th scope="col" class="amount">${text(node.header[1])}</th></tr></thead><tbody>`,
        ...node.rows.map(
          (row) =>
            `<tr${row.emphasis ? ' class="emphasis"' : ''}><th scope="row">${text(row.label)}</th><td class="amount">${text(row.value)}</td></tr>`,
        ),
        '</tbody></table>',
      ].join('');
    case 'parties':
      return `<div class="parties">${node.parties
        .map(
          (party) =>
            `<div class="party"><h3>${text(party.role)}</h3><p dir="auto"><strong>${text(party.name)}</strong>${
              party.business ? `<br>${text(party.business)}` : ''
            }</p><address dir="auto">${text(party.address)}</address><dl><dt>Email</dt><dd>${text(party.email)}</dd><dt>Phone</dt><dd>${text(party.phone)}</dd>${party.vatNumber ? `<dt>VAT number</dt><dd>${text(party.vatNumber)}</dd>` : ''}</dl></div>`,
        )
        .join('')}</div>`;
    case 'signatures':
      // The Word file's block (page.ts, signatureLines): the party bound in bold, then the same four lines in
      // every column, so the columns line up; each line is drawn above its label, as on paper, while a
      // screen reader still reads the label first (dt before dd, the row reversed by the stylesheet).
      return `<div class="signatures">${node.parties
        .map((party) => {
          const { bound, signer } = signatureLines(party);
          const row = (label: string, value: string) => `<div class="signature-row"><dt>${label}</dt><dd class="line" dir="auto">${value}</dd></div>`;
          return `<div class="signature"><h3>${text(party.role)}</h3><p dir="auto"><strong>${text(bound)}</strong></p><dl>${[
            row(`Signature${party.signed ? ` (${text(party.signed.method)})` : ''}`, party.signed ? text(party.signed.mark) : ''),
            row('Name', text(signer)),
            row('Title', party.title ? text(party.title) : ''),
            row('Date', party.signed ? text(party.signed.date) : ''),
          ].join('')}</dl></div>`;
        })
        .join('')}</div>`;
  }
}

function section(node: Section, number: number, withNotes: boolean, numbering: ClauseNumbering): string {
  const note = withNotes ? `<p class="clause-note"><span>Why this clause:</span> ${text(node.note)}</p>` : '';
  const separator = numbering.separator === 'tab' ? ' ' : '';
  const heading = `<span class="clause-number">${escapeHtml(numberLabel(numbering.heading, number))}</span>${separator}${text(node.title)}`;
  return `<section class="clause" id="clause-${escapeHtml(node.id)}" data-clause="${escapeHtml(node.id)}"><h2>${heading}</h2>${note}${node.blocks
    .map((child) => block(child, number, numbering))
    .join('')}</section>`;
}

/** The contract as an HTML fragment (an <article>), for embedding in a page. */
export function renderContractHtml(contract: Contract, options: { notes?: boolean; headingOffset?: number } = {}): string {
  const language = contract.meta.language ?? 'en';
  const numbering = clauseNumberingFor(language);
  const html = [
    // The article says its language, so a Japanese contract on an English page is set in a Japanese face.
    `<article class="contract" lang="${escapeHtml(language)}">`,
    `<header><h1>${text(contract.title)}</h1><p class="subtitle" dir="auto">${text(contract.subtitle)}</p></header>`,
    // The Japanese 前文: before 第1条, outside the clause numbering.
    ...(contract.preamble ?? []).map((child) => block(child, 0, numbering)),
    ...contract.sections.map((node, index) => section(node, index + 1, options.notes ?? false, numbering)),
    '</article>',
  ].join('\n');
  // Embedded in a page that has its own h1, every heading moves down. Safe on
  // the markup: user text is escaped, so every "<h" here is one of ours.
  const offset = options.headingOffset ?? 0;
  return offset === 0 ? html : html.replace(/<(\/?)h([1-6])\b/g, (_match, slash: string, level: string) => `<${slash}h${Math.min(Number(level) + offset, 6)}`);
}

/**
 * The Word file's faces, so the preview reads like the file: Calibri where
 * installed, else Carlito (the same metrics, free: Debian's
 * fonts-crosextra-carlito); Japanese in Yu Mincho or another Mincho.
 * Only installed fonts are named: nothing is downloaded, so the CSP needs no font source.
 */
export const CONTRACT_FONTS = 'Calibri,Carlito,"Segoe UI",Arial,sans-serif';
export const JAPANESE_CONTRACT_FONTS = '"Yu Mincho",YuMincho,"Hiragino Mincho ProN","Noto Serif CJK JP","Noto Serif JP",serif';

const STANDALONE_STYLE = `body{font:16px/1.5 ${CONTRACT_FONTS};max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
.contract:lang(ja){font-family:${JAPANESE_CONTRACT_FONTS}}
.point{padding-left:2.45em;text-indent:-2.45em}.point-number{display:inline-block;min-width:2.2em;text-indent:0}.point-continued{margin-left:2.45em}
.contract:lang(ja) .point{padding-left:0;text-indent:0}.contract:lang(ja) .point-number{min-width:0}
h1{font-size:1.8rem;margin-bottom:.2rem}.subtitle{color:#505a5f;margin-top:0}h2{font-size:1.2rem;margin-top:1.6rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left;vertical-align:top}
.amount{text-align:right;font-variant-numeric:tabular-nums}.emphasis{font-weight:bold}caption{text-align:left;font-weight:bold}
.parties,.signatures{display:flex;flex-wrap:wrap;gap:1.5rem}.party,.signature{flex:1 1 16rem;overflow-wrap:anywhere}
.line{border-bottom:1px solid #1b1b1b;min-height:1.6rem;margin:0}.signature-row{display:flex;flex-direction:column-reverse;margin:0 0 .6rem}dt{font-size:.85rem;color:#505a5f}dd{margin:0}
p,li{overflow-wrap:anywhere}.clause-note{font-size:.9rem;color:#505a5f}.items{list-style:none;padding-left:1em}`;

/**
 * The preview's inline <style> as a CSP source: the app allows this exact
 * stylesheet by its hash, so the page stays one self-contained file (it can
 * be saved and opened anywhere) without 'unsafe-inline'.
 */
export const STANDALONE_STYLE_CSP_HASH = `'sha256-${createHash('sha256').update(STANDALONE_STYLE).digest('base64')}'`;

/** A whole HTML page holding only the contract: the API's preview. */
export function renderContractPage(contract: Contract): string {
  return `<!doctype html>
<html lang="${escapeHtml(contract.meta.language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(contract.meta.title)}</title>
<style>${STANDALONE_STYLE}</style>
</head>
<body>
${renderContractHtml(contract)}
</body>
</html>
`;
}
