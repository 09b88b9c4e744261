// Proofreading the punctuation of an issue: the sample bulletin (3,400 characters, 139
// marks), and ten copies of it (34,000 characters, 1,390 marks) — what the 校对 tab and
// the page preview's warning compute when the issue changes; and correcting them all.
// Benchmarks print figures; they never assert timings.
import { bench, describe } from 'vitest';
import { fixInIssue, proofIssue } from '../../shared/proof/proofIssue.js';
import { sampleBulletin } from '../helpers/sampleBulletin.js';

const sample = sampleBulletin();
const tenfold = { ...sample, sections: Array.from({ length: 10 }, () => sample.sections).flat() };

describe('proofreading punctuation', () => {
  bench('the sample: find every mark', () => {
    proofIssue(sample);
  });
  bench('ten samples (34,000 characters): find every mark', () => {
    proofIssue(tenfold);
  });
  bench('ten samples: correct all (until nothing is left)', () => {
    fixInIssue(tenfold, 'all');
  });
});
