// Download names made from what the user typed: any script is welcome, but
// nothing a file system or a Content-Disposition header could trip over.

const MAX_STEM = 80;

// A scan, not /^-+|-+$/: the unanchored half retries from every dash of a run.
// Reading past either end gives undefined, which stops the scan; when the two
// meet (all dashes), slice gives the empty string.
function trimDashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (text[start] === '-') start++;
  while (text[end - 1] === '-') end--;
  return text.slice(start, end);
}

/** "Harbor Coffee website redesign contract" -> "Harbor-Coffee-website-redesign-contract" */
export function safeFileStem(text: string): string {
  const stem = text
    .normalize('NFC')
    // Keep letters, marks and digits of every script; everything else separates words.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-');
  const cut = trimDashes([...trimDashes(stem)].slice(0, MAX_STEM).join(''));
  return cut || 'contract';
}

/** An RFC 6266 header value with an ASCII fallback and the UTF-8 name for modern clients. */
export function contentDisposition(stem: string, extension: string): string {
  const dashed = stem.normalize('NFKD').replace(/[^\x20-\x7E]/g, '').replace(/[^A-Za-z0-9]+/g, '-');
  const ascii = trimDashes(dashed) || 'contract';
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${stem}.${extension}`)}`;
}
