/**
 * Raw-deflate inflating with the web platform's DecompressionStream, for the fast reader in a browser
 * or worker (Node's zlib is not there). Undefined where the platform has no "deflate-raw" stream, so
 * the caller reads with ExcelJS instead.
 */
export function streamInflater(): ((data: Uint8Array) => Promise<Uint8Array>) | undefined {
  if (typeof DecompressionStream === 'undefined') return undefined;
  try {
    new DecompressionStream('deflate-raw');
  } catch {
    return undefined; // older engines know only "deflate" and "gzip"
  }
  return async (data) => {
    const stream = new DecompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    // Both sides are awaited together, so a corrupt part rejects here rather than going unheard.
    const [inflated] = await Promise.all([new Response(stream.readable).arrayBuffer(), writer.write(new Uint8Array(data)).then(() => writer.close())]);
    return new Uint8Array(inflated);
  };
}
