// Testing Library's DOM matchers (toBeInTheDocument, toHaveAccessibleName…) for every test file.
// Only the matchers: this is safe in the default node environment, which has no document.
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';

// findBy… and waitFor wait up to 5 s (default 1 s): on a 2-core machine running browsers beside the
// component tests, a Mantine panel was seen to take longer than a second to appear. A hang still fails.
configure({ asyncUtilTimeout: 5_000 });
