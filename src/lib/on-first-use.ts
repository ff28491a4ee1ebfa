/**
 * `make` called on first use, its answer kept. For Intl objects: the page's first one costs
 * 10–20 ms (the browser loads its ICU data), and the first screen needs none; built at module
 * load, they lengthened the one task that starts the page.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
