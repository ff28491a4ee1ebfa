// Testing Library's DOM matchers (toBeInTheDocument, toHaveAccessibleName…) for every test file.
// Only the matchers: this is safe in the default node environment, which has no document.
import '@testing-library/jest-dom/vitest';
