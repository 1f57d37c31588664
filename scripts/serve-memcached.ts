// `npm run serve:memcached -- --port N [-m MB] [-I size] [-M] [-o opt,opt=v]`: the Memcached
// engine behind a real TCP socket (text protocol), on the wall clock. For telnet, clients and
// conformance runs. `-o` takes memcached's LRU options: no_lru_maintainer (the classic LRU),
// lru_maintainer, hot_lru_pct=N, warm_lru_pct=N, hot_max_factor=F, warm_max_factor=F,
// temporary_ttl=N, no_lru_crawler, lru_crawler.
import { createServer } from 'node:net';
import {
  createMemcachedEngine,
  parseItemSize,
  type MemcachedOptions,
} from '../src/engine/memcached';
import { engineRng } from '../src/engine';

function parseArgs(argv: string[]): {
  port: number;
  host: string;
  memoryLimitMb: number;
  itemSizeMax?: number;
  disableEvictions: boolean;
  lru: MemcachedOptions;
} {
  const out = {
    lru: {} as MemcachedOptions,
    port: 11311,
    host: '127.0.0.1',
    memoryLimitMb: 64,
    itemSizeMax: undefined as number | undefined,
    disableEvictions: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--port' || a === '-p') out.port = Number(next());
    else if (a === '--host' || a === '-l') out.host = next();
    else if (a === '-m') out.memoryLimitMb = Number(next());
    else if (a === '-I') out.itemSizeMax = parseItemSize(next());
    else if (a === '-M') out.disableEvictions = true;
    else if (a === '-o') for (const opt of next().split(',')) lruOption(out.lru, opt);
    else throw new Error(`unknown option ${a}`);
  }
  return out;
}

function lruOption(o: MemcachedOptions, opt: string): void {
  const [name, value] = opt.split('=') as [string, string | undefined];
  const num = (): number => {
    if (value === undefined || value === '') throw new Error(`Missing ${name} argument`);
    return Number(value);
  };
  if (name === 'no_lru_maintainer') o.lruMaintainer = false;
  else if (name === 'lru_maintainer') o.lruMaintainer = true;
  else if (name === 'hot_lru_pct') o.hotLruPct = num();
  else if (name === 'warm_lru_pct') o.warmLruPct = num();
  else if (name === 'hot_max_factor') o.hotMaxFactor = num();
  else if (name === 'warm_max_factor') o.warmMaxFactor = num();
  else if (name === 'temporary_ttl') o.temporaryTtl = num();
  else if (name === 'no_lru_crawler') o.lruCrawler = false;
  else if (name === 'lru_crawler') o.lruCrawler = true;
  else throw new Error(`unknown -o option ${name}`);
}

const args = parseArgs(process.argv.slice(2));
const engine = createMemcachedEngine({
  clock: { nowMs: () => Date.now() },
  rng: engineRng(1),
  memoryLimitMb: args.memoryLimitMb,
  itemSizeMax: args.itemSizeMax,
  disableEvictions: args.disableEvictions,
  tcpPort: args.port,
  ...args.lru,
});

const server = createServer((socket) => {
  const conn = engine.connect();
  socket.on('data', (chunk: Buffer) => {
    const out = conn.feed(chunk);
    if (out.length > 0) socket.write(out);
    if (conn.closed) socket.end();
  });
  socket.on('end', () => {
    conn.disconnect();
    socket.end();
  });
  socket.on('error', () => conn.disconnect());
});

server.listen(args.port, args.host, () => {
  console.log(
    `memcached-compatible engine (1.6.18 rules) on ${args.host}:${args.port} -m ${args.memoryLimitMb}` +
      `${args.itemSizeMax ? ` -I ${args.itemSizeMax}` : ''}${args.disableEvictions ? ' -M' : ''}`,
  );
});
