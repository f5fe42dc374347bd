/**
 * Reads a file the user picked. FileReader rather than Blob.text()/arrayBuffer(): it is there in every
 * webview Office uses for add-ins, the older ones included.
 */
function read<T>(start: (reader: FileReader) => void, result: (reader: FileReader) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(result(reader));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    start(reader);
  });
}

export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return read(
    (r) => r.readAsArrayBuffer(file),
    (r) => new Uint8Array(r.result as ArrayBuffer),
  );
}

export function readFileText(file: Blob): Promise<string> {
  return read(
    (r) => r.readAsText(file, 'utf-8'),
    // After readAsText the result is a string (after readAsArrayBuffer, above, an ArrayBuffer).
    (r) => r.result as string,
  );
}
