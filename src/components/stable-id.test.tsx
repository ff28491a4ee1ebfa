// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { useStableId } from './stable-id';

function Labelled({ id }: { id?: string }) {
  const inputId = useStableId(id);
  return <input id={inputId} aria-label="field" />;
}

describe('useStableId', () => {
  afterEach(cleanup);

  it('keeps a given id', () => {
    const { container } = render(<Labelled id="endpoint" />);
    expect(container.querySelector('input')).toHaveAttribute('id', 'endpoint');
  });

  it('gives each field its own id, the one the server rendered, kept after hydrating', () => {
    const page = (
      <>
        <Labelled />
        <Labelled />
      </>
    );
    const server = renderToString(page);
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = server;
    const prerendered = [...container.querySelectorAll('input')];
    const serverIds = prerendered.map((input) => input.id);
    render(page, { container, hydrate: true });
    const hydrated = [...container.querySelectorAll('input')];
    const ids = hydrated.map((input) => input.id);
    expect(new Set(ids).size).toBe(2);
    expect(ids.every((id) => id.startsWith('mantine-'))).toBe(true);
    // Hydration adopted the server's nodes (the same objects) and kept their ids.
    hydrated.forEach((input, index) => expect(input).toBe(prerendered[index]));
    expect(ids).toEqual(serverIds);
  });
});
