import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newHandoffIntent } from '../../../lib/background/panel-intent';
import { makeEvent } from '../../../lib/events/make-event';
import { shortText } from '../../../lib/model/common';
import { parseEvent } from '../../../lib/model/event';
import { HandoffSourcesSchema } from '../../../lib/model/handoff';
import { PageContextSchema } from '../../../lib/model/page-context';
import { cleanText, hasStoreRefusedText, stripUnsafe } from '../../../lib/text/clean-text';
import { readPage } from '../../../lib/sites';
import { loadFixture } from '../helpers/dom';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const codePoints = (text: string) => [...text].length;
// Strings rich in what breaks a database: emoji, lone halves of a pair, NUL and other controls.
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom('a', '😀', '\uD83D', '\uDE00', '\u0000', '\u0007', '\t', '\n', 'é', ' '), { maxLength: 60 }).map((parts) => parts.join('')),
);

describe('cleanText: text as it enters Baton', () => {
  it('for any string: no lone surrogate, no NUL, at most max code points, a prefix of the cleaned input', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 0, max: 70 }), (input, max) => {
        const out = cleanText(input, max);
        expect(out).not.toMatch(LONE_SURROGATE);
        expect(out).not.toContain('\u0000');
        expect(codePoints(out)).toBeLessThanOrEqual(max);
        expect(stripUnsafe(input).startsWith(out)).toBe(true);
        expect(hasStoreRefusedText({ out })).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps tab, newline and carriage return; removes other control characters', () => {
    expect(cleanText('a\u0000b\u0001c\td\ne\rf\u001Fg', 100)).toBe('abc\td\ne\rfg');
  });

  it('a 999-letter Gmail subject followed by an emoji is read whole and can be shared (the audit’s case)', () => {
    const { doc, url } = loadFixture('gmail-thread');
    const subject = `${'a'.repeat(999)}😀 and more`;
    doc.querySelector('h2.hP')!.textContent = subject;
    const read = readPage(url, doc)!.thread!.subject;
    expect(read).toBe(`${'a'.repeat(999)}😀`);
    expect(read).not.toMatch(LONE_SURROGATE);
    expect(PageContextSchema.safeParse(readPage(url, doc)).success).toBe(true);
    const sources = HandoffSourcesSchema.parse({ gmailThread: { id: 'thread-f:1', subject: read, url } });
    expect(sources.gmailThread?.subject).toBe(read);
  });

  it('a selection cut at its limit never leaves half an emoji', async () => {
    const intent = await newHandoffIntent(undefined, `  ${'b'.repeat(19_999)}😀😀`);
    expect(intent).toMatchObject({ selectedText: `${'b'.repeat(19_999)}😀` });
  });
});

describe('event text on the way in (zod)', () => {
  it('removes NUL and lone surrogates from every text field, and counts the limit in code points', () => {
    expect(shortText(3).parse(' a\u0000\uD83Db😀 ')).toBe('ab😀');
    expect(shortText(3).safeParse('abcd').error?.issues[0]?.message).toBe('Too long: at most 3 characters.');
    const event = makeEvent('client.created', 'm-1', 'c-1', { name: 'Northwind', stakeholders: [{ name: 'Lee\u0000 \uDE00Moss', role: 'CMO\uD83D', email: 'lee@northwind.com' }] });
    const parsed = parseEvent(event);
    expect(parsed.ok && parsed.data.payload).toMatchObject({ stakeholders: [{ name: 'Lee Moss', role: 'CMO' }] });
    expect(hasStoreRefusedText(parsed.ok && parsed.data)).toBe(false);
  });

  it('hasStoreRefusedText finds NUL or a lone surrogate anywhere: deep values, arrays and keys', () => {
    expect(hasStoreRefusedText({ a: [{ b: 'fine 😀' }] })).toBe(false);
    expect(hasStoreRefusedText({ a: [{ b: 'x\u0000' }] })).toBe(true);
    expect(hasStoreRefusedText({ a: ['\uD83D'] })).toBe(true);
    expect(hasStoreRefusedText({ ['\uDE00key']: 1 })).toBe(true);
    let deep: unknown = 'ok';
    for (let i = 0; i < 50_000; i += 1) deep = [deep];
    expect(hasStoreRefusedText(deep)).toBe(false);
    expect(hasStoreRefusedText([...Array.from({ length: 500_000 }, () => 0), '\u0000'])).toBe(true);
  });
});
