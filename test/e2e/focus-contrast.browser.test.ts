// A radio's focus indicator, measured as a keyboard user meets it (issue 25):
// the GOV.UK yellow alone on the white page is about 1.3:1, too faint to see
// where focus is. WCAG 2.2 (1.4.11 Non-text Contrast, and 2.4.13's ring) asks
// 3:1 of the indicator against the colours beside it. The colours are read
// from Chromium's computed styles, so a change to the stylesheet that fades
// the ring fails here; the contrast is WCAG's relative-luminance formula.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftAnswers } from '../../src/drafts/store.ts';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { sampleInput } from '../helpers/samples.ts';

let session: BrowserSession;

beforeAll(async () => {
  session = await startBrowserSession('focus-e2e');
});

afterAll(async () => {
  await session?.close();
});

type Rgb = readonly [number, number, number];

/** `rgb(11, 12, 12)` or `rgba(255, 221, 0, 1)`, as getComputedStyle writes colours. */
function parseColour(css: string): Rgb {
  const match = /rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)(?:,\s*(\d+(?:\.\d+)?))?\)/.exec(css);
  if (!match) throw new Error(`not a colour: ${css}`);
  // A see-through indicator would mix with what is behind it: the test would have to compose it first.
  if (match[4] !== undefined && Number(match[4]) !== 1) throw new Error(`a translucent colour (${css}) needs composing before it is measured`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG 2.2's relative luminance of an sRGB colour. */
function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('the formula', () => {
  // Known pairs, worked by hand: black on white is 21:1, the GOV.UK yellow (#ffdd00) on white 1.35:1.
  it('gives 21:1 for black on white and about 1.3:1 for the focus yellow on white', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([255, 221, 0], [255, 255, 255])).toBeCloseTo(1.35, 2);
  });
});

interface FocusStyle {
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  boxShadow: string;
  /** The first opaque background behind the radio: what shows in the outline's offset. */
  background: string;
}

describe('a radio with keyboard focus', () => {
  it('is ringed in a colour at least 3:1 against the page behind it and against the yellow around it', async () => {
    const page = await session.browser({ js: true });
    const draft = await session.app.drafts.create(structuredClone(sampleInput('new-client-fixed')) as unknown as DraftAnswers);
    await page.goto(`${session.baseUrl}/wizard/${draft.id}/charging`);
    const radio = page.locator('.radio-input').first();
    expect(await radio.getAttribute('type')).toBe('radio');

    // Run in the page (this project's TypeScript has no DOM types, so the function travels as text).
    const read = () =>
      (page.evaluate(`(() => {
        const element = document.querySelector('.radio-input');
        const style = getComputedStyle(element);
        let behind = element.parentElement;
        let background = 'rgb(255, 255, 255)';
        while (behind) {
          const colour = getComputedStyle(behind).backgroundColor;
          if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') { background = colour; break; }
          behind = behind.parentElement;
        }
        return { outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth, outlineColor: style.outlineColor, boxShadow: style.boxShadow, background };
      })()`) as Promise<FocusStyle>);

    const unfocused = await read();
    // Tab from the element before it, as a keyboard user arrives.
    await radio.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement === document.querySelector('.radio-input')")).toBe(true);
    const focused = await read();

    // Focus shows as a change: a ring the radio does not have otherwise.
    expect(unfocused.outlineStyle === 'none' || unfocused.outlineColor !== focused.outlineColor).toBe(true);
    expect(focused.outlineStyle).toBe('solid');
    expect(Number.parseFloat(focused.outlineWidth)).toBeGreaterThanOrEqual(2);

    const ring = parseColour(focused.outlineColor);
    const behind = parseColour(focused.background);
    expect(contrast(ring, behind), `ring ${focused.outlineColor} on ${focused.background}`).toBeGreaterThanOrEqual(3);
    // The yellow halo outside the ring: the ring stands out from it too.
    const halo = /rgba?\([^)]*\)/.exec(focused.boxShadow);
    expect(halo, `a halo in ${focused.boxShadow}`).not.toBeNull();
    expect(contrast(ring, parseColour(halo![0])), `ring ${focused.outlineColor} against halo ${halo![0]}`).toBeGreaterThanOrEqual(3);
  });
});
