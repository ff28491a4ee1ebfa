// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred } from './deferred';

afterEach(cleanup);

function Greeting({ name }: { name: string }) {
  return <button type="button">Hello {name}</button>;
}

/** A chunk that arrives when the test says so. */
function chunk() {
  let arrive: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const load = vi.fn(() => arrived.then(() => Greeting));
  return { load, arrive };
}

describe('a deferred component', () => {
  it('shows its stand-in, with the same props, until its chunk is in', async () => {
    const { load, arrive } = chunk();
    const Deferred = deferred(load, ({ name }: { name: string }) => (
      <button type="button" aria-disabled>
        Hello {name}
      </button>
    ));
    render(<Deferred name="Ada" />);
    expect(screen.getByRole('button', { name: 'Hello Ada' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    arrive();
    await vi.waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Hello Ada' }).getAttribute('aria-disabled'),
      ).toBeNull(),
    );
  });

  it('shows nothing before without a stand-in, and loads its chunk once', async () => {
    const { load, arrive } = chunk();
    const Deferred = deferred(load);
    void Deferred.preload();
    render(<Deferred name="Grace" />);
    expect(screen.queryByRole('button')).toBeNull();
    arrive();
    expect(await screen.findByRole('button', { name: 'Hello Grace' })).toBeVisible();
    render(<Deferred name="Linus" />);
    expect(await screen.findByRole('button', { name: 'Hello Linus' })).toBeVisible();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
