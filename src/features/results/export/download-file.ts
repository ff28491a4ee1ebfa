/** Saves text as a file through a temporary link; the object URL is let go once the click is handled. */
export function downloadFile(content: BlobPart[], type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(content, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
