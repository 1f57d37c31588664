// Prints the one-line summary at the end of `npm test` from the runners' JSON reports.
import { readFileSync } from 'node:fs';

const [vitestFile, e2eFile, seconds] = process.argv.slice(2);
const vitest = JSON.parse(readFileSync(vitestFile, 'utf8'));
const e2e = JSON.parse(readFileSync(e2eFile, 'utf8'));
const unitPassed = vitest.numPassedTests;
const unitFailed = vitest.numFailedTests;
const e2eFlaky = e2e.stats.flaky ?? 0;
const e2ePassed = e2e.stats.expected + e2eFlaky;
const e2eFailed = e2e.stats.unexpected;
console.log(
  `\nnpm test: typecheck ok, lint ok, unit ${unitPassed}/${unitPassed + unitFailed}, build ok, e2e ${e2ePassed}/${e2ePassed + e2eFailed}${e2eFlaky > 0 ? ` (${e2eFlaky} flaky: passed on retry)` : ''}, ${seconds}s`,
);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`);
process.exit(unitFailed + e2eFailed > 0 ? 1 : 0);
