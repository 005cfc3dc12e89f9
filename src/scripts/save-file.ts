/** A download made in the browser (a Word document the core wrote): saved as a file of this name, through a link clicked once. */
export function saveFile(bytes: Uint8Array, name: string, type: string): void {
  const file = document.createElement('a');
  file.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  file.download = name;
  document.body.append(file);
  file.click();
  file.remove();
  setTimeout(() => URL.revokeObjectURL(file.href), 10_000);
}
