import { describe, expect, it } from 'vitest';
import gaSinglePage1 from '../../service/fixtures/ga-job-single-succeeded-page1.json';
import { printRawJson, RAW_MAX_DEPTH } from './raw-json';

/** `[[[…]]]`, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

describe('printRawJson', () => {
  it('prints a real job body exactly as JSON.stringify indents it', () => {
    expect(printRawJson(gaSinglePage1)).toEqual({
      text: JSON.stringify(gaSinglePage1, null, 2),
      tooDeep: false,
      cut: false,
    });
    expect(printRawJson({ a: [], b: {}, c: [1, 'x', null, true] }).text).toBe(
      JSON.stringify({ a: [], b: {}, c: [1, 'x', null, true] }, null, 2),
    );
  });

  it('prints a body nested 500,000 arrays deep, which JSON.stringify cannot, with a note', () => {
    const hostile = { jobId: 'j', status: 'succeeded', extra: nested(500_000) };
    expect(() => JSON.stringify(hostile, null, 2)).toThrow(RangeError);
    const printed = printRawJson(hostile);
    expect(printed.tooDeep).toBe(true);
    expect(printed.cut).toBe(false);
    expect(printed.text).toContain(`"… nested deeper than ${RAW_MAX_DEPTH} levels, not shown"`);
    expect(printed.text.startsWith('{\n  "jobId": "j",')).toBe(true);
  });

  it('stops at the character limit and says so', () => {
    const big = {
      documents: Array.from({ length: 10_000 }, (_, index) => ({ id: `doc${index}` })),
    };
    const printed = printRawJson(big, RAW_MAX_DEPTH, 1_000);
    expect(printed.cut).toBe(true);
    expect(printed.text.length).toBeLessThanOrEqual(1_002);
    expect(printed.text.endsWith('\n…')).toBe(true);
    expect(printRawJson('x'.repeat(5_000), RAW_MAX_DEPTH, 1_000).cut).toBe(true);
  });

  it('prints nothing before there is a response', () => {
    expect(printRawJson(undefined).text).toBe('');
  });
});
