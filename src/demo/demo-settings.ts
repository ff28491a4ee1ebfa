/**
 * What "Try the demo" fills in. Kept apart from the handlers so the main bundle can hold these few
 * strings without pulling in MSW.
 */

/** `.invalid` is reserved (RFC 2606): it can never be a real resource, so the demo never shadows one. */
export const DEMO_ENDPOINT = 'https://demo.classify-console.invalid';
export const DEMO_KEY = 'demo-key-0000';

export const DEMO_PROJECTS = {
  single: {
    projectName: 'SupportTickets',
    deploymentName: 'production',
    modelId: 'd3m0c0de-5eed-4a11-9c1a-000000000001_SingleClassification_latest',
    classes: ['Billing', 'TechnicalIssue', 'Account', 'Shipping', 'Feedback'],
  },
  multi: {
    projectName: 'MovieGenres',
    deploymentName: 'production',
    modelId: 'd3m0c0de-5eed-4a11-9c1a-000000000002_MultiClassification_latest',
    classes: ['Comedy', 'Drama', 'Action', 'Romance', 'SciFi', 'Horror'],
  },
} as const;

export const DEMO_DOCUMENTS = {
  single: [
    'I was charged twice for my subscription this month. Please refund the duplicate payment on my invoice.',
    'The app crashes every time I try to upload a photo. I reinstalled it and the error is still there.',
    'I forgot my password and the reset email never arrives. How do I get back into my account?',
    'My parcel was supposed to arrive on Monday but the tracking number still shows it at the warehouse.',
    'Just wanted to say the new dashboard is fantastic. Great job to the whole team, I love it!',
  ],
  multi: [
    'A clumsy detective and his talking parrot chase jewel thieves through Paris in a hilarious caper full of car chases.',
    'After her father dies, a young pianist returns to her hometown and must face the family she left behind.',
    'A crew of astronauts wakes from cryosleep to find their ship drifting toward a black hole, and something is hunting them.',
    'Two rival chefs fall in love while competing on a reality show, with plenty of laughs and burnt soufflés.',
    'A quiet documentary-style portrait of an old fisherman on a remote island.',
  ],
} as const;
