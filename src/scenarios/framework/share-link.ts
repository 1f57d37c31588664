/**
 * Share links: seed + action log (+ virtual time and lesson step) as
 * `<version>.<crc32 of the JSON>.<base64url(deflate-raw(JSON))>`, carried in the URL's `share`
 * query parameter. Opening one validates every byte; a bad link yields a ShareLinkError whose
 * message says what is wrong, that nothing was loaded, and how to go on — never a crash.
 */
import type { LoggedAction } from '../../worker';
import { crc32Hex } from './checksum';
import { checkLog, checkSeed, checkTime, isRecord } from './validate';

export const SHARE_VERSION = 1;
export const SHARE_PARAM = 'share';
/** Longer than any real lesson's link (a few KB), far below what hurts a browser. */
export const MAX_LINK_CHARS = 60_000;
/** Decompressed JSON cap: a small link that inflates hugely is refused while inflating. */
export const MAX_JSON_BYTES = 400_000;

export interface SharedState {
  scenario: string;
  seed: number;
  /** The virtual time the sharer was at: the opener runs to exactly here. */
  untilUs: number;
  /** The lesson step (index) the sharer was on. */
  step: number;
  log: LoggedAction[];
}

export type ShareLinkProblem =
  'too-large' | 'format' | 'version' | 'corrupt' | 'checksum' | 'invalid' | 'scenario';

export class ShareLinkError extends Error {
  constructor(
    readonly problem: ShareLinkProblem,
    readonly detail: string,
  ) {
    super(
      `This share link cannot be opened: ${detail}. Nothing from it was loaded — the lesson continues from your own progress. Ask the sender for a fresh link (the “Share” button makes one).`,
    );
    this.name = 'ShareLinkError';
  }
}

export async function encodeShareLink(state: SharedState): Promise<string> {
  const json = JSON.stringify({ v: SHARE_VERSION, ...state });
  const bytes = new TextEncoder().encode(json);
  const packed = await deflate(bytes);
  return `${SHARE_VERSION}.${crc32Hex(bytes)}.${toBase64Url(packed)}`;
}

export async function decodeShareLink(
  link: string,
  expectedScenario: string,
): Promise<SharedState> {
  if (typeof link !== 'string') throw new ShareLinkError('format', 'it is not text');
  if (link.length > MAX_LINK_CHARS) {
    throw new ShareLinkError(
      'too-large',
      `it is ${link.length.toLocaleString('en')} characters long, more than the ${MAX_LINK_CHARS.toLocaleString('en')} a lesson link can be`,
    );
  }
  const m = /^(\d{1,3})\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/.exec(link);
  if (!m)
    throw new ShareLinkError(
      'format',
      'it is not in the simulator’s link format (it may have been cut off when copied)',
    );
  const [, version, checksum, body] = m;
  if (Number(version) !== SHARE_VERSION) {
    throw new ShareLinkError(
      'version',
      `it was made by a different version of the simulator (format ${version}, this one reads ${SHARE_VERSION})`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await inflate(fromBase64Url(body!), MAX_JSON_BYTES);
  } catch (err) {
    if (err instanceof ShareLinkError) throw err;
    throw new ShareLinkError('corrupt', 'its data is damaged (it could not be unpacked)');
  }
  if (crc32Hex(bytes) !== checksum)
    throw new ShareLinkError(
      'checksum',
      'its checksum does not match, so it was changed or damaged after it was made',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ShareLinkError('corrupt', 'its data is not readable');
  }
  return checkShared(raw, expectedScenario);
}

function checkShared(raw: unknown, expectedScenario: string): SharedState {
  const bad = (detail: string) => new ShareLinkError('invalid', detail);
  if (!isRecord(raw) || raw.v !== SHARE_VERSION)
    throw bad('its contents are not a saved lesson state');
  if (typeof raw.scenario !== 'string') throw bad('it does not say which scenario it belongs to');
  if (raw.scenario !== expectedScenario) {
    throw new ShareLinkError(
      'scenario',
      `it belongs to the scenario “${raw.scenario.slice(0, 40)}”, not this one (open #/learn/${encodeURIComponent(raw.scenario.slice(0, 40))} instead)`,
    );
  }
  const seed = checkSeed(raw.seed);
  if (!seed.ok) throw bad(seed.error);
  const until = checkTime(raw.untilUs, 'its saved moment');
  if (!until.ok) throw bad(until.error);
  if (!Number.isInteger(raw.step) || (raw.step as number) < 0 || (raw.step as number) > 1_000)
    throw bad('its lesson step is not a valid step number');
  const log = checkLog(raw.log, until.value);
  if (!log.ok) throw bad(log.error);
  return {
    scenario: raw.scenario,
    seed: seed.value,
    untilUs: until.value,
    step: raw.step as number,
    log: log.value,
  };
}

/** Reads the share parameter from a location hash like `#/learn/db-cache?seed=1&share=…`. */
export function shareParamFromHash(hash: string): string | null {
  const q = hash.indexOf('?');
  if (q === -1) return null;
  return new URLSearchParams(hash.slice(q + 1)).get(SHARE_PARAM);
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ShareLinkError(
        'too-large',
        `its data unpacks to more than ${Math.round(maxBytes / 1000)} kB, far more than any lesson state`,
      );
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
