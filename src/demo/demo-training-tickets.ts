/**
 * The SupportTickets project's own training data: the documents its models were trained on, as
 * `.txt` blobs at the root of its container. Not the labelled tickets the app evaluates with
 * (DEMO_LABELLED_TICKETS), so a model that remembers its training documents is not flattered there.
 */

interface TrainingTicket {
  location: string;
  label: string;
  dataset: 'Train' | 'Test';
  text: string;
}

const TICKETS: Readonly<Record<string, readonly string[]>> = {
  Billing: [
    'My card was charged for an order I cancelled before it shipped.',
    'Please send me a corrected invoice with our company VAT number on it.',
    'The yearly plan renewed without any reminder and I want my money back.',
    'Why did my monthly price go up without notice?',
    'I paid by bank transfer a week ago and the invoice still says unpaid.',
    'There are two identical transactions on my statement for the same order.',
  ],
  TechnicalIssue: [
    'The app closes by itself as soon as I open the settings page.',
    'Videos will not play in the browser, only a spinning wheel.',
    'Since the update my saved filters are gone and the page shows an error.',
    'The barcode scanner in the app does not react at all.',
    'Syncing between my laptop and phone stopped working yesterday.',
    'Printing a report produces an empty page every time.',
  ],
  Account: [
    'How can I change the phone number used for two-factor authentication?',
    'I no longer have access to the email address on my account.',
    'Please close my account, I do not need it anymore.',
    'My login works on the website but not in the mobile app.',
    'I want to transfer the account to my colleague who is taking over.',
    'The password rules reject every password I try.',
  ],
  Shipping: [
    'The delivery driver says he could not find my street.',
    'Can you ship my order to a pick-up point instead of my home?',
    'My package has shown out for delivery for four days now.',
    'The box arrived open and one item is missing.',
    'How much does international shipping to Norway cost?',
    'I need the order before Friday; can it be sent express?',
  ],
  Feedback: [
    'The new mobile app is a real improvement, well done.',
    'Please bring back the old layout of the order history.',
    'Your chat support answered within a minute, impressive.',
    'It would help to get an email when an item is back in stock.',
    'The product pages have too many pop-ups; it is annoying.',
    'Thanks for fixing the issue so quickly last week.',
  ],
};

/** Every class's first five go to Train and the sixth to Test: a manual 5:1 split. */
export const DEMO_TRAINING_TICKETS: readonly TrainingTicket[] = Object.entries(TICKETS).flatMap(
  ([label, texts]) =>
    texts.map((text, index) => ({
      location: `${label.toLowerCase()}-${String(index + 1).padStart(2, '0')}.txt`,
      label,
      dataset: index < 5 ? ('Train' as const) : ('Test' as const),
      text,
    })),
);
