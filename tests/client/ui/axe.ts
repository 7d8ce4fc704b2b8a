// Runs axe-core on a rendered container. Colour contrast is left to the Chromium e2e run:
// jsdom cannot compute colours.
import axe from 'axe-core';

/** The ids and targets of every violation, empty when the markup is accessible. */
export async function axeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
