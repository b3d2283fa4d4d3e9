import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

import { settle } from './ui';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

export interface A11yOptions {
  /** CSS selectors to leave out, e.g. a third-party widget with a known, reported issue. */
  exclude?: string[];
  /** axe rule ids to skip; say why next to the call. */
  disableRules?: string[];
  /**
   * Wait for the network to go idle first (the default). `false` when the caller has already
   * waited for what the page shows (its heading, no loader left).
   */
  settle?: boolean;
}

function describe(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary ?? ''}`)
        .join('\n');
      return `[${violation.impact}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${targets}`;
    })
    .join('\n\n');
}

/**
 * Run axe-core on the page as it is now and fail on any serious or critical violation (minor and
 * moderate ones are attached to the report for reading, not failed). Call it after the page has
 * loaded its data, and again after opening a dialog or drawer: axe sees only what is rendered.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  options: A11yOptions = {},
): Promise<void> {
  if (options.settle ?? true) await settle(page);
  // axe.run in the page itself: the default (runPartial, then finishRun in a blank page opened
  // for it) took about 0.6-1 s more per check, and the app has no cross-origin frames, the one
  // thing only the default covers. Only violations are read, so only they are collected in full.
  let builder = new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules !== undefined) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();

  await test.info().attach(`axe ${new URL(page.url()).pathname}`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(serious, `accessibility violations on ${page.url()}:\n${describe(serious)}`).toEqual([]);
}
