import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../service/errors';
import { KeyWait, usableSecret } from './key-wait';
import { LiveFeed } from './live-feed';
import type { RunSecret } from './run-service';

const key = (value: string): RunSecret => ({ key: value });

describe('usableSecret', () => {
  it.each<[string, RunSecret | undefined, string | undefined, RunSecret | undefined]>([
    ['none in the form', undefined, undefined, undefined],
    ['one in the form, none refused', key('a'), undefined, key('a')],
    ['the one the service refused', key('a'), 'a', undefined],
    ['another than the one refused', key('b'), 'a', key('b')],
    ['a token the service refused', { key: 't', scheme: 'bearer' }, 't', undefined],
  ])('%s', (_, secret, refused, usable) => {
    expect(usableSecret(secret, refused)).toEqual(usable);
  });
});

describe('KeyWait', () => {
  const refusal = new ServiceError({ kind: 'http', status: 401, message: 'Access denied.' });

  function setUp(initial: RunSecret | undefined) {
    let secret = initial;
    const feed = new LiveFeed();
    const keys = new KeyWait(() => secret, feed);
    return { keys, feed, type: (next: RunSecret | undefined) => (secret = next) };
  }

  it('after a 401 the run waits, and the same key typed again does not lift the wait', () => {
    const { keys, feed, type } = setUp(key('a'));
    expect(keys.refused(refusal, key('a'))).toBe(false);
    expect(feed.get()).toMatchObject({ waitingForKey: true, authRefused: refusal });
    expect(keys.usable()).toBeUndefined();
    type(key('a'));
    expect(keys.changed()).toBe(false);
    expect(feed.get().waitingForKey).toBe(true);
  });

  it('another key lifts the wait and the refusal', () => {
    const { keys, feed, type } = setUp(key('a'));
    keys.refused(refusal, key('a'));
    type(key('b'));
    expect(keys.changed()).toBe(true);
    expect(feed.get()).toMatchObject({ waitingForKey: false, authRefused: undefined });
    expect(keys.usable()).toEqual(key('b'));
  });

  it('a 401 for a key the form no longer holds: no wait, and the new key may be used', () => {
    const { keys, feed, type } = setUp(undefined);
    // It waited while the form had no key, and a key is being typed.
    keys.wait();
    type(key('demo-key'));
    expect(keys.refused(refusal, key('d'))).toBe(true);
    expect(feed.get()).toMatchObject({ waitingForKey: false, authRefused: undefined });
    expect(keys.usable()).toEqual(key('demo-key'));
  });

  it('a key cleared from the form leaves the run waiting', () => {
    const { keys, feed, type } = setUp(undefined);
    keys.wait();
    type(undefined);
    expect(keys.changed()).toBe(false);
    expect(feed.get().waitingForKey).toBe(true);
  });

  it('a cancel may still use the key the service refused', () => {
    const { keys } = setUp(key('a'));
    keys.refused(refusal, key('a'));
    expect(keys.current()).toEqual(key('a'));
  });
});
