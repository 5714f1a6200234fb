import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core in a page, from this repository's node_modules (never a CDN: the app's CSP and the
 * e2e's "no foreign request" rule would refuse it anyway). Returns the serious and critical
 * violations, each with the selectors of the nodes it found, ready to print in a failure.
 */
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

export async function seriousViolations(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
  // addScriptTag injects the file's content as an inline script, which the app's CSP
  // (script-src 'self') refuses: contexts that run axe are opened with `bypassCSP: true`.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } })
      .axe;
    const result = (await axe.run(
      { include: [document], exclude: excluded.map((selector) => [selector]) },
      { resultTypes: ['violations'] },
    )) as {
      violations: {
        id: string;
        impact: string;
        help: string;
        nodes: { target: string[]; failureSummary: string }[];
      }[];
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
  }, exclude);
}

/** A readable list of violations for an assertion's message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`).join('\n')}`,
    )
    .join('\n');
}
