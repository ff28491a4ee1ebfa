// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred } from './deferred';

afterEach(() => {
  // A failed test must not leave its fake timers or its hydrated container to the next one.
  vi.useRealTimers();
  cleanup();
  document.body.replaceChildren();
});

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

/** The look-alike shown until the chunk is in: the same button, not yet usable. */
function StandIn({ name }: { name: string }) {
  return (
    <button type="button" aria-disabled>
      Hello {name}
    </button>
  );
}

describe('a deferred component', () => {
  it('shows its stand-in, with the same props, until its chunk is in', async () => {
    const { load, arrive } = chunk();
    const Deferred = deferred(load, StandIn);
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

  it('puts its component in by a task of its own, not in the one its chunk arrived in', async () => {
    const { load, arrive } = chunk();
    const Deferred = deferred(load, StandIn);
    const container = document.body.appendChild(document.createElement('div'));
    const button = () => container.querySelector('button');
    // React's own scheduling, as in the page, not act()'s.
    const actEnvironment: unknown = Reflect.get(globalThis, 'IS_REACT_ACT_ENVIRONMENT');
    Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', false);
    const root = createRoot(container);
    try {
      flushSync(() => root.render(<Deferred name="Ada" />));
      const arrived = Deferred.preload();
      arrive();
      // Parts whose chunks arrive together would render in the microtasks that follow, as one
      // long task; each waits for a task of its own instead.
      for (let tick = 0; tick < 20; tick++) await Promise.resolve();
      expect(button()).toHaveAttribute('aria-disabled');
      await arrived;
      await vi.waitFor(() => expect(button()).not.toHaveAttribute('aria-disabled'));
    } finally {
      root.unmount();
      container.remove();
      Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', actEnvironment);
    }
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

  it('is its stand-in in a server render, which the browser hydrates as it is', async () => {
    const { load, arrive } = chunk();
    const StandIn = ({ name }: { name: string }) => (
      <button type="button" aria-disabled>
        Hello {name}
      </button>
    );
    const Deferred = deferred(load, StandIn);
    const html = renderToString(<Deferred name="Ada" />);
    // No Suspense boundary left for the client to render afresh: the stand-in's markup, as is.
    expect(html).toBe(renderToString(<StandIn name="Ada" />));

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const painted = container.querySelector('button');
    const onRecoverableError = vi.fn();
    // Only timers are faked: the chunk is asked for in a task of its own, not in the hydrating
    // commit, and a real 0 ms timer can fire inside act() on a loaded machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const root = await act(() =>
      hydrateRoot(container, <Deferred name="Ada" />, { onRecoverableError }),
    );
    expect(container.querySelector('button')).toBe(painted);
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
    vi.runOnlyPendingTimers();
    vi.useRealTimers();
    expect(load).toHaveBeenCalledTimes(1);
    await act(async () => {
      arrive();
      await load.mock.results[0]?.value;
    });
    expect(
      screen.getByRole('button', { name: 'Hello Ada' }).getAttribute('aria-disabled'),
    ).toBeNull();
    act(() => root.unmount());
    container.remove();
  });

  it('renders its stand-in once when hydrating, not again to match the browser', async () => {
    const { load } = chunk();
    const rendered = vi.fn();
    const StandIn = ({ name }: { name: string }) => {
      rendered();
      return <span>Soon {name}</span>;
    };
    const Deferred = deferred(load, StandIn);
    const container = document.createElement('div');
    container.innerHTML = renderToString(<Deferred name="Ada" />);
    document.body.append(container);
    rendered.mockClear();
    const root = await act(() => hydrateRoot(container, <Deferred name="Ada" />));
    expect(rendered).toHaveBeenCalledTimes(1);
    act(() => root.unmount());
    container.remove();
  });

  it('hydrates as its stand-in even once its chunk is in', async () => {
    const { load, arrive } = chunk();
    const StandIn = ({ name }: { name: string }) => <span>Soon {name}</span>;
    const Deferred = deferred(load, StandIn);
    arrive();
    await Deferred.preload();
    const container = document.createElement('div');
    container.innerHTML = renderToString(<Deferred name="Ada" />);
    document.body.append(container);
    expect(container.textContent).toBe('Soon Ada');
    const onRecoverableError = vi.fn();
    const root = await act(() =>
      hydrateRoot(container, <Deferred name="Ada" />, { onRecoverableError }),
    );
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Hello Ada' })).toBeDefined();
    act(() => root.unmount());
    container.remove();
  });
});
