import { describe, expect, it } from 'vitest';
import { manualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import type { Reply } from '../reply';
import { sha256Hex } from './sha256';
import { validateAuthToken, validateRbacUser } from './rbac';

const mk = (profile: 'oss' | 'elasticache' = 'oss') =>
  createRedisEngine({ clock: manualClock(1_700_000_000_000), rng: engineRng(7), profile });
const bulk = (value: string): Reply => ({ kind: 'bulk', value });
const err = (message: string): Reply => ({ kind: 'error', message });

function listLine(e: ReturnType<typeof mk>, name: string): string {
  const r = e.exec(['ACL', 'LIST']);
  if (r?.kind !== 'array') throw new Error('ACL LIST');
  const line = r.items.find((x) => x.kind === 'bulk' && x.value.startsWith(`user ${name} `));
  if (line?.kind !== 'bulk') throw new Error(`no user ${name}`);
  return line.value.slice(`user ${name} `.length);
}

describe('ACL rules', () => {
  it('hashes passwords with SHA-256 as redis-server stores them', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('SETUSER of a described user gives the same description (property over seeded rule sets)', () => {
    const e = mk();
    const rng = engineRng(99);
    const rules = [
      'on',
      'off',
      '>p1',
      '>p2',
      '<p1',
      'nopass',
      'resetpass',
      '~k*',
      '%R~r*',
      '%W~w?',
      'allkeys',
      'resetkeys',
      '&ch*',
      'allchannels',
      'resetchannels',
      '+@read',
      '-@write',
      '+@hash',
      '-@dangerous',
      '+get',
      '-set',
      '+config|get',
      '+select|0',
      '+client',
      '-client|id',
      '(+get ~a*)',
      '(%R~b* +@string)',
      'clearselectors',
      'allcommands',
      'nocommands',
      '+@all',
      '-@all',
      'reset',
      '+@sortedset',
      '-zadd',
    ];
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const chosen: string[] = [];
      for (let n = 1 + rng.int(8); n > 0; n--) chosen.push(rules[rng.int(rules.length)]!);
      if (e.exec(['ACL', 'SETUSER', 'u', 'reset', ...chosen])?.kind !== 'simple') continue;
      const described = listLine(e, 'u');
      const again = e.exec(['ACL', 'SETUSER', 'v', 'reset', ...described.split(' ')]);
      expect(again, described).toEqual({ kind: 'simple', value: 'OK' });
      expect(listLine(e, 'v'), chosen.join(' ')).toBe(described);
      // GETUSER's per-selector rules round-trip the same way.
      const g = e.exec(['ACL', 'GETUSER', 'u']);
      if (g?.kind !== 'array') throw new Error('GETUSER');
      const commands = g.items[5];
      if (commands?.kind !== 'bulk') throw new Error('commands');
      e.exec(['ACL', 'SETUSER', 'w', 'reset', ...commands.value.split(' ')]);
      const g2 = e.exec(['ACL', 'GETUSER', 'w']);
      expect(g2?.kind === 'array' ? g2.items[5] : undefined).toEqual(commands);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('refuses malformed rules with redis-server errors and changes nothing', () => {
    const e = mk();
    e.exec(['ACL', 'SETUSER', 'a', 'on', '>pw', '~k*', '+get']);
    const before = listLine(e, 'a');
    expect(e.exec(['ACL', 'SETUSER', 'a', '+set', '+@nosuch'])).toEqual(
      err("ERR Error in ACL SETUSER modifier '+@nosuch': Unknown command or category name in ACL"),
    );
    expect(e.exec(['ACL', 'SETUSER', 'a', '(+get', '~x'])).toEqual(
      err("ERR Unmatched parenthesis in acl selector starting at '(+get'."),
    );
    expect(e.exec(['ACL', 'SETUSER', 'a', 'allkeys', '~x'])?.kind).toBe('error');
    expect(e.exec(['ACL', 'SETUSER', 'a b'])).toEqual(
      err("ERR Usernames can't contain spaces or null characters"),
    );
    expect(listLine(e, 'a')).toBe(before);
  });
});

describe('permissions in the dispatcher', () => {
  it('NOPERM for commands, keys (read vs write patterns) and channels, logged in ACL LOG', () => {
    const e = mk();
    e.exec(['ACL', 'SETUSER', 'r', 'on', '>pw', '%R~k*', '~w*', '&news', '+@all']);
    const c = e.connect();
    expect(c.exec(['AUTH', 'r', 'pw'])).toEqual({ kind: 'simple', value: 'OK' });
    expect(c.exec(['GET', 'k1'])).toEqual({ kind: 'null' });
    expect(c.exec(['SET', 'k1', 'v'])).toEqual(
      err('NOPERM this user has no permissions to access one of the keys used as arguments'),
    );
    expect(c.exec(['SET', 'w1', 'v'])).toEqual({ kind: 'simple', value: 'OK' });
    expect(c.exec(['PUBLISH', 'other', 'x'])).toEqual(
      err('NOPERM this user has no permissions to access one of the channels used as arguments'),
    );
    e.exec(['ACL', 'SETUSER', 'r', '-get']);
    expect(c.exec(['GET', 'w1'])).toEqual(
      err("NOPERM this user has no permissions to run the 'get' command"),
    );
    const log = e.exec(['ACL', 'LOG']);
    if (log?.kind !== 'array') throw new Error('ACL LOG');
    const objects = log.items.map((x) => (x.kind === 'array' ? x.items[7] : undefined));
    expect(objects).toEqual([bulk('get'), bulk('other'), bulk('k1')]);
  });

  it('EXEC re-checks queued commands: rules changed since MULTI give the NOPERM of multi.c', () => {
    const e = mk();
    e.exec(['ACL', 'SETUSER', 'm', 'on', 'nopass', '~*', '+@all']);
    const c = e.connect();
    c.exec(['AUTH', 'm', 'x']);
    c.exec(['MULTI']);
    c.exec(['SET', 'a', '1']);
    e.exec(['ACL', 'SETUSER', 'm', '-set']);
    expect(c.exec(['EXEC'])).toEqual({
      kind: 'array',
      items: [
        err(
          'NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. This command is no longer allowed for the following reason: no permission to execute the command or subcommand',
        ),
      ],
    });
  });

  it('requirepass is the default user password; DELUSER closes that user’s connections', () => {
    const e = mk();
    e.exec(['CONFIG', 'SET', 'requirepass', 'secret']);
    const c = e.connect();
    expect(c.exec(['GET', 'x'])).toEqual(err('NOAUTH Authentication required.'));
    expect(c.exec(['AUTH', 'wrong'])?.kind).toBe('error');
    expect(c.exec(['AUTH', 'secret'])).toEqual({ kind: 'simple', value: 'OK' });
    e.exec(['ACL', 'SETUSER', 'gone', 'on', 'nopass', '+@all', '~*']);
    let closed = false;
    const d = e.connect({ onClose: () => (closed = true) });
    d.exec(['AUTH', 'gone', 'any']);
    expect(e.exec(['ACL', 'DELUSER', 'gone'])).toEqual({ kind: 'int', value: 1 });
    expect(closed).toBe(true);
  });

  it('keeps the default user on the dispatch fast path only while it may do everything', () => {
    const e = mk();
    const c = e.connect();
    expect(c.user.unrestricted).toBe(true);
    e.exec(['ACL', 'SETUSER', 'default', '-flushall']);
    expect(c.user.unrestricted).toBe(false);
    expect(c.exec(['FLUSHALL'])).toEqual(
      err("NOPERM this user has no permissions to run the 'flushall' command"),
    );
  });
});

describe('ElastiCache RBAC', () => {
  it('applies a user group; refuses what ElastiCache refuses', () => {
    const e = mk('elasticache');
    const def = {
      userId: 'new-default',
      userName: 'default',
      accessString: 'on ~* &* +@all',
      passwords: ['admin-password-0001'],
    };
    const app = {
      userId: 'app',
      userName: 'app',
      accessString: 'on ~app:* +@read',
      passwords: ['a-long-password-123'],
    };
    expect(e.acl.applyUserGroup({ userGroupId: 'g1', users: [app] })).toMatch(
      /must contain a user named 'default'/,
    );
    expect(
      e.acl.applyUserGroup({
        userGroupId: 'g1',
        users: [def, { ...app, accessString: 'on reset' }],
      }),
    ).toMatch(/reset/);
    expect(
      e.acl.applyUserGroup({
        userGroupId: 'g1',
        users: [def, { ...app, accessString: 'on +config' }],
      }),
    ).toMatch(/restricted/);
    expect(
      e.acl.applyUserGroup({
        userGroupId: 'g1',
        users: [def, { ...app, accessString: 'on +@nosuch' }],
      }),
    ).toMatch(/Unknown command or category/);
    expect(e.acl.applyUserGroup({ userGroupId: 'g1', users: [def, app] })).toBeNull();
    const c = e.connect();
    expect(c.exec(['GET', 'app:1'])).toEqual(err('NOAUTH Authentication required.'));
    expect(c.exec(['AUTH', 'app', 'a-long-password-123'])).toEqual({ kind: 'simple', value: 'OK' });
    expect(c.exec(['GET', 'app:1'])).toEqual({ kind: 'null' });
    expect(c.exec(['SET', 'app:1', 'v'])?.kind).toBe('error');
    // ACL LIST without password hashes; SETUSER is not available on ElastiCache.
    const admin = e.connect();
    expect(admin.exec(['AUTH', 'admin-password-0001'])).toEqual({ kind: 'simple', value: 'OK' });
    expect(admin.exec(['ACL', 'LIST'])).toEqual({
      kind: 'array',
      items: [
        // The redis7 parameter group's acl-pubsub-default is allchannels.
        bulk('user app on sanitize-payload ~app:* &* -@all +@read'),
        bulk('user default on sanitize-payload ~* &* +@all'),
      ],
    });
    expect(admin.exec(['ACL', 'SETUSER', 'x'])).toEqual(
      err("ERR unknown subcommand 'SETUSER'. Try ACL HELP."),
    );
    // Removing the group brings back the open default user.
    expect(e.acl.applyUserGroup(null)).toBeNull();
    expect(e.connect().exec(['SET', 'k', 'v'])).toEqual({ kind: 'simple', value: 'OK' });
  });

  it('checks AUTH tokens and user definitions as AWS documents', () => {
    expect(validateAuthToken('short')).toMatch(/16 to 128/);
    expect(validateAuthToken('a'.repeat(129))).toMatch(/16 to 128/);
    expect(validateAuthToken('has space in it!!')).toMatch(/only letters/);
    expect(validateAuthToken('Abcdefgh12345678!&#$^<>-')).toBeNull();
    const restricted = new Set(['config']);
    expect(
      validateRbacUser(
        { userId: 'Bad', userName: 'x', accessString: 'on', passwords: ['p'] },
        restricted,
      ),
    ).toMatch(/User ID/);
    expect(
      validateRbacUser(
        { userId: 'ok', userName: 'x', accessString: 'on >pw', passwords: ['p'] },
        restricted,
      ),
    ).toMatch(/passwords cannot/);
    expect(
      validateRbacUser(
        { userId: 'ok', userName: 'x', accessString: 'on', passwords: ['a', 'b', 'c'] },
        restricted,
      ),
    ).toMatch(/at most 2/);
  });
});
