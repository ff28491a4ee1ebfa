/**
 * Support tickets with the class a person gave each, for trying evaluation against gold labels.
 * The demo's models get some of them wrong, each deployment its own share: that is the point.
 */

interface LabelledTicket {
  id: string;
  text: string;
  label: string;
}

const TICKETS: readonly (readonly [label: string, text: string])[] = [
  [
    'Billing',
    'I was billed for the premium plan although I downgraded to the basic plan last week.',
  ],
  [
    'Billing',
    'Can I get a receipt for last month? Our accountant needs it for the expense report.',
  ],
  [
    'Billing',
    'The price on my invoice is higher than the one on your website. Please explain the difference.',
  ],
  [
    'Billing',
    'You charged my credit card three times for a single order. I want the extra charges refunded.',
  ],
  ['Billing', 'I cancelled my account last month but you still took money from my card.'],
  ['Billing', 'Is there a discount for non-profit organisations on the yearly subscription?'],
  ['Billing', 'My payment was declined but the bank says everything is fine on their side.'],
  ['Billing', 'Why is there a fee of 4.99 on my statement that I never agreed to?'],
  ['TechnicalIssue', 'The app freezes on the loading screen after the latest update.'],
  ['TechnicalIssue', 'I get error 503 whenever I try to export my reports to PDF.'],
  ['TechnicalIssue', 'Uploads fail halfway through for any file larger than 10 MB.'],
  ['TechnicalIssue', 'The tracking page shows a blank screen whenever I open it on my phone.'],
  [
    'TechnicalIssue',
    'Notifications are not working on Android since yesterday, even though they are switched on.',
  ],
  [
    'TechnicalIssue',
    'The search results are empty for every query, even for products I know exist.',
  ],
  ['TechnicalIssue', 'The website is extremely slow today and keeps timing out at checkout.'],
  [
    'TechnicalIssue',
    'After installing the desktop client it crashes immediately with an exception.',
  ],
  ['Account', 'I cannot log in: it says my username does not exist, but I have used it for years.'],
  ['Account', 'Please update the email address on my profile to my new work address.'],
  ['Account', 'My account was locked after too many attempts. How long until I can try again?'],
  ['Account', 'I never receive the verification code for two-factor sign in.'],
  ['Account', 'How do I delete my account and all the data you hold about me?'],
  ['Account', 'Someone changed my password without my permission. I think I was hacked.'],
  ['Account', 'Can I merge my two accounts into one? I signed up twice by mistake.'],
  ['Account', 'I would like to add a second user to our company subscription.'],
  ['Shipping', 'The courier left my package at the wrong address and now it is gone.'],
  ['Shipping', 'My order has been stuck in customs for two weeks. Can you check on it?'],
  ['Shipping', 'Do you deliver to the Canary Islands, and how long does it take?'],
  ['Shipping', 'The parcel arrived but the box was crushed and two plates are broken.'],
  ['Shipping', 'I paid for express delivery but the shipment took eight days.'],
  ['Shipping', 'Can I change the delivery date? I will be away on the day it is due.'],
  ['Shipping', 'The tracking number you sent me does not work on the postal service website.'],
  ['Shipping', 'Half of my order came on Tuesday; where is the rest of it?'],
  ['Feedback', 'Your support agent Maria was incredibly helpful, thank you!'],
  ['Feedback', 'I wish the app had a dark mode; my eyes hurt at night.'],
  ['Feedback', 'The new checkout is much faster than before. Great work.'],
  ['Feedback', 'I am disappointed that you removed the weekly summary email, it was useful.'],
  ['Feedback', 'It would be nice to be able to sort orders by price.'],
  ['Feedback', 'Love the redesign of the dashboard, it is so much clearer now.'],
  ['Feedback', 'The instructions in the box were confusing; I suggest adding a short video.'],
  ['Feedback', 'Honestly the best customer service I have had from any online shop.'],
];

export const DEMO_LABELLED_TICKETS: readonly LabelledTicket[] = TICKETS.map(
  ([label, text], index) => ({
    id: `ticket${String(index + 1).padStart(2, '0')}`,
    text,
    label,
  }),
);
