// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reveal } from './reveal';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('reveal', () => {
  it('scrolls the region into view and focuses the target, made focusable by script only', () => {
    document.body.innerHTML =
      '<section><span id="status">Running</span><button>Pause</button></section>';
    const region = document.querySelector('section');
    const status = document.getElementById('status');
    if (!region || !status) throw new Error('no markup');
    const scrolled = vi.spyOn(region, 'scrollIntoView');
    reveal(region, status);
    expect(scrolled).toHaveBeenCalledWith({ block: 'start' });
    expect(document.activeElement).toBe(status);
    expect(status.getAttribute('tabindex')).toBe('-1');
  });

  it('leaves a focusable target as it is, and focus alone when there is no target', () => {
    document.body.innerHTML = '<section><button>Pause</button></section><input id="typing" />';
    const region = document.querySelector('section');
    const button = document.querySelector('button');
    if (!region || !button) throw new Error('no markup');
    reveal(region, button);
    expect(document.activeElement).toBe(button);
    expect(button.hasAttribute('tabindex')).toBe(false);

    document.getElementById('typing')?.focus();
    reveal(region);
    expect(document.activeElement?.id).toBe('typing');
  });
});
