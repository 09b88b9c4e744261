import { describe, expect, it } from 'vitest';
import { formatIssueLine, issueLineParts, parseIssueNumberArg } from '../../../../shared/model/issueLine.js';

describe('formatIssueLine (期号)', () => {
  it('prints the year, number and serial in full-width brackets', () => {
    expect(formatIssueLine({ year: 2024, no: 3, serial: 186 })).toBe('2024年第3期（总第186期）');
  });

  it('leaves the serial out when the publication does not count one', () => {
    expect(formatIssueLine({ year: 2024, no: 12, serial: null })).toBe('2024年第12期');
  });

  it('splits into parts for the masthead', () => {
    expect(issueLineParts({ year: 2025, no: 1, serial: 7 })).toEqual({ issue: '2025年第1期', serial: '总第7期' });
    expect(issueLineParts({ year: 2025, no: 1, serial: null }).serial).toBeNull();
  });
});

describe('parseIssueNumberArg (--number YYYY-N)', () => {
  it.each([
    ['2024-3', { year: 2024, no: 3 }],
    ['2024-003', { year: 2024, no: 3 }],
    [' 2024-12 ', { year: 2024, no: 12 }],
    ['1900-999', { year: 1900, no: 999 }],
  ])('%j → %j', (text, expected) => {
    expect(parseIssueNumberArg(text)).toEqual(expected);
  });

  it.each(['2024-0', '1899-1', '2024-1000', '24-3', '2024/3', '2024-', '-3', '2024-3a', '', '2024--3'])(
    'rejects %j',
    (text) => {
      expect(parseIssueNumberArg(text)).toBeNull();
    },
  );
});
