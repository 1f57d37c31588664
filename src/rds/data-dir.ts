/**
 * Unpacks a data directory tarball (gzip or plain tar) and checks it is a tar archive before
 * PGlite sees it: PGlite leaves an unhandled rejection behind when it is given garbage, and a
 * corrupt or truncated download should fall back to initdb rather than fail.
 */
export async function decodeDataDir(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  let tar = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new DecompressionStream('gzip'));
      tar = new Uint8Array(await new Response(stream).arrayBuffer());
    } catch {
      return undefined;
    }
  }
  return isTar(tar) ? tar : undefined;
}

/** POSIX tar: "ustar" at offset 257 of the first 512-byte header. */
function isTar(b: Uint8Array): boolean {
  if (b.length < 1024) return false;
  const magic = String.fromCharCode(b[257]!, b[258]!, b[259]!, b[260]!, b[261]!);
  return magic === 'ustar';
}
