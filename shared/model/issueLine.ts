import type { IssueNumber } from './issue.js';

/**
 * The issue line as printed and listed: 2024年第3期, and 总第N期 when the publication
 * counts serial numbers. This is document text (always Chinese), not UI text.
 */
export function issueLineParts(n: IssueNumber): { issue: string; serial: string | null } {
  return { issue: `${n.year}年第${n.no}期`, serial: n.serial === null ? null : `总第${n.serial}期` };
}

/** 2024年第3期（总第186期）, or 2024年第3期 without a serial number. */
export function formatIssueLine(n: IssueNumber): string {
  const { issue, serial } = issueLineParts(n);
  return serial === null ? issue : `${issue}（${serial}）`;
}

/** Parses `YYYY-N` (as the command line takes it) into year and number, or null. */
export function parseIssueNumberArg(text: string): { year: number; no: number } | null {
  const m = /^(\d{4})-(\d{1,3})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const no = Number(m[2]);
  return year >= 1900 && no >= 1 ? { year, no } : null;
}
