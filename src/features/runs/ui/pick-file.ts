/**
 * Opens the browser's file chooser for one file. The input lives only while the chooser is open,
 * so the page keeps a single file input (the documents' one) for scripts and tests to find.
 */
export function pickFile(accept: string): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0]), { once: true });
    input.addEventListener('cancel', () => resolve(undefined), { once: true });
    input.click();
  });
}
