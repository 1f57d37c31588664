// Blocking XREAD / XREADGROUP against a real redis-server: the same script of commands runs on
// three connections to each server (a and c block, b writes) and every reply, including the
// ones that arrive later on a blocked connection, must be identical. Covers being served by
// XADD (also inside MULTI), COUNT, several keys, groups (two readers, NOACK), the group or key
// going away (NOGROUP, UNBLOCKED), writes that do not wake readers, and timeouts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';
import { engineSide, realSide, transcript } from './redis-scenario-sides';
import type { Step } from './redis-scenario-sides';

const SCENARIOS: Record<string, Step[]> = {
  'XREAD $ is served by XADD on another connection': [
    { on: 'b', argv: ['XADD', 's', '1-1', 'a', 'b'] },
    { on: 'a', blocks: ['XREAD', 'BLOCK', '0', 'STREAMS', 's', '$'] },
    { still: 'a' },
    { on: 'b', argv: ['XADD', 's', '2-0', 'f', 'v', 'g', 'w'] },
    { reply: 'a' },
  ],
  'XREAD on a missing key is served when XADD creates it': [
    { on: 'a', blocks: ['XREAD', 'BLOCK', '0', 'STREAMS', 'nokey', '0'] },
    { on: 'b', argv: ['LPUSH', 'other', 'x'] },
    { on: 'b', argv: ['XADD', 'nokey', '5-5', 'x', 'y'] },
    { reply: 'a' },
  ],
  'XREAD on two keys answers with the one written': [
    { on: 'b', argv: ['XADD', 's1', '1-0', 'a', '1'] },
    { on: 'a', blocks: ['XREAD', 'COUNT', '5', 'BLOCK', '0', 'STREAMS', 's1', 's2', '$', '$'] },
    { on: 'b', argv: ['XADD', 's2', '3-0', 'b', '2'] },
    { reply: 'a' },
  ],
  'XREAD COUNT caps what a MULTI of XADDs delivers': [
    { on: 'b', argv: ['XADD', 's', '1-0', 'a', '1'] },
    { on: 'a', blocks: ['XREAD', 'COUNT', '2', 'BLOCK', '0', 'STREAMS', 's', '$'] },
    { on: 'b', argv: ['MULTI'] },
    { on: 'b', argv: ['XADD', 's', '2-0', 'a', '2'] },
    { on: 'b', argv: ['XADD', 's', '3-0', 'a', '3'] },
    { on: 'b', argv: ['XADD', 's', '4-0', 'a', '4'] },
    { on: 'b', argv: ['EXEC'] },
    { reply: 'a' },
  ],
  'XREAD is not woken by writes that do not signal the key': [
    { on: 'b', argv: ['XADD', 's', '5-0', 'a', '1'] },
    { on: 'a', blocks: ['XREAD', 'BLOCK', '0', 'STREAMS', 's', '$'] },
    { on: 'b', argv: ['XGROUP', 'CREATE', 's', 'g', '0'] },
    { on: 'b', argv: ['XSETID', 's', '9-0'] },
    { on: 'b', argv: ['XDEL', 's', '5-0'] },
    { still: 'a' },
    { on: 'b', argv: ['XADD', 's', '10-0', 'a', '2'] },
    { reply: 'a' },
  ],
  'XREAD served after an XADD and XDEL in one MULTI gets no entries': [
    { on: 'b', argv: ['XADD', 's', '1-0', 'a', '1'] },
    { on: 'a', blocks: ['XREAD', 'BLOCK', '0', 'STREAMS', 's', '$'] },
    { on: 'b', argv: ['MULTI'] },
    { on: 'b', argv: ['XADD', 's', '2-0', 'a', '2'] },
    { on: 'b', argv: ['XDEL', 's', '2-0'] },
    { on: 'b', argv: ['EXEC'] },
    { reply: 'a' },
  ],
  'XREAD BLOCK times out with a null array': [
    { on: 'b', argv: ['XADD', 's', '1-0', 'a', '1'] },
    { on: 'a', blocks: ['XREAD', 'BLOCK', '100', 'STREAMS', 's', '$'] },
    { waitMs: 250 },
    { reply: 'a' },
    { on: 'a', argv: ['XLEN', 's'] },
  ],
  'XREAD BLOCK inside MULTI answers at once': [
    { on: 'a', argv: ['MULTI'] },
    { on: 'a', argv: ['XREAD', 'BLOCK', '0', 'STREAMS', 's', '$'] },
    { on: 'a', argv: ['EXEC'] },
  ],
  'XREADGROUP > is served by XADD and the entry becomes pending': [
    { on: 'b', argv: ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'] },
    { on: 'a', blocks: ['XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>'] },
    { on: 'b', argv: ['XADD', 's', '1-0', 'f', 'v'] },
    { reply: 'a' },
    { on: 'b', argv: ['XPENDING', 's', 'g'] },
    { on: 'b', argv: ['XINFO', 'GROUPS', 's'] },
  ],
  'two readers of one group share new entries in blocking order': [
    { on: 'b', argv: ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'] },
    { on: 'a', blocks: ['XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>'] },
    {
      on: 'c',
      blocks: ['XREADGROUP', 'GROUP', 'g', 'bob', 'COUNT', '1', 'BLOCK', '0', 'STREAMS', 's', '>'],
    },
    { on: 'b', argv: ['XADD', 's', '1-0', 'f', 'v'] },
    { reply: 'a' },
    { still: 'c' },
    { on: 'b', argv: ['XADD', 's', '2-0', 'f', 'w'] },
    { reply: 'c' },
    { on: 'b', argv: ['XPENDING', 's', 'g'] },
  ],
  'XREADGROUP NOACK is served without pending entries': [
    { on: 'b', argv: ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'] },
    {
      on: 'a',
      blocks: ['XREADGROUP', 'GROUP', 'g', 'alice', 'NOACK', 'BLOCK', '0', 'STREAMS', 's', '>'],
    },
    { on: 'b', argv: ['XADD', 's', '7-0', 'f', 'v'] },
    { reply: 'a' },
    { on: 'b', argv: ['XPENDING', 's', 'g'] },
    { on: 'b', argv: ['XINFO', 'GROUPS', 's'] },
  ],
  'XREADGROUP gets NOGROUP when its group is destroyed': [
    { on: 'b', argv: ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'] },
    { on: 'a', blocks: ['XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>'] },
    { on: 'b', argv: ['XGROUP', 'DESTROY', 's', 'g'] },
    { reply: 'a' },
  ],
  'XREADGROUP gets UNBLOCKED when its key is deleted': [
    { on: 'b', argv: ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'] },
    { on: 'a', blocks: ['XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>'] },
    { on: 'b', argv: ['DEL', 's'] },
    { reply: 'a' },
  ],
  'XREADGROUP gets UNBLOCKED when its key is overwritten or flushed': [
    { on: 'b', argv: ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'] },
    { on: 'b', argv: ['XGROUP', 'CREATE', 't', 'g', '$', 'MKSTREAM'] },
    { on: 'a', blocks: ['XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>'] },
    { on: 'c', blocks: ['XREADGROUP', 'GROUP', 'g', 'bob', 'BLOCK', '0', 'STREAMS', 't', '>'] },
    { on: 'b', argv: ['SET', 's', 'x'] },
    { reply: 'a' },
    { still: 'c' },
    { on: 'b', argv: ['FLUSHALL'] },
    { reply: 'c' },
  ],
};

describe('blocking stream reads vs redis-server', () => {
  let real: RealRedis;
  beforeAll(async () => {
    real = await startRealRedis();
  });
  afterAll(async () => {
    await real?.stop();
  });

  for (const [name, steps] of Object.entries(SCENARIOS)) {
    it(name, async () => {
      const admin = await RawRedisConnection.connect(real.port);
      await admin.send(['FLUSHALL']);
      admin.close();
      const want = await realSide(real.port);
      const got = engineSide();
      const redisReplies = await transcript(want, steps);
      want.close();
      const engineReplies = await transcript(got, steps);
      expect(engineReplies).toEqual(redisReplies);
      // The scenario must really have blocked and been served (not a run of errors).
      expect(redisReplies.some((l) => l.startsWith('{"reply"') && !l.includes('NO REPLY'))).toBe(
        steps.some((s) => 'reply' in s),
      );
    });
  }
});
