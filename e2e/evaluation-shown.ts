import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The figures a run's evaluation shows, to compare one browser's (or the command line's) run with
 * another's: read once the results are in and the worker's intervals and calibration have arrived.
 */
/** A table's text as shown (`innerText` reads what is rendered), read once it is in view, as a reader does. */
export async function textInView(table: Locator): Promise<string> {
  await table.scrollIntoViewIfNeeded();
  await expect.poll(() => table.innerText()).not.toBe('');
  return table.innerText();
}

export async function evaluationFigures(page: Page) {
  const evaluation = page.getByRole('region', { name: 'Evaluation' });
  const results = page.getByRole('table', { name: 'Results' });
  await expect(results.getByRole('rowheader')).not.toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Calibration' })).toContainText(
    'Expected calibration error',
  );
  return {
    accuracy: await evaluation
      .getByText(/^Accuracy/)
      .first()
      .innerText(),
    perClass: await textInView(evaluation.getByRole('table', { name: 'Per-class metrics' })),
    matrix: await textInView(evaluation.getByRole('table', { name: 'Confusion matrix' })),
  };
}
