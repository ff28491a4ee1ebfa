/**
 * Tells the other tabs of this app that Erase all data on this device has run, so they reload as
 * on a first visit instead of writing back what they hold in memory. Kept apart from the erase
 * itself (erase-device.ts), which the page loads only when the user asks for it.
 */

const CHANNEL = 'classify-console:erase';

/** Every tab listens from its start; an erase elsewhere reloads it. */
export function reloadWhenErasedElsewhere(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  new BroadcastChannel(CHANNEL).onmessage = () => location.reload();
}

export function tellOtherTabsErased(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('erased');
  channel.close();
}
