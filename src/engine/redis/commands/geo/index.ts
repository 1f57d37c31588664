import type { CommandDef } from '../../command';
import { geoadd } from './geoadd';
import { geodist, geohash, geopos } from './geopos';
import {
  georadius,
  georadiusRo,
  georadiusbymember,
  georadiusbymemberRo,
  geosearch,
  geosearchstore,
} from './geosearch';

export const geoCommands: readonly CommandDef[] = [
  geoadd,
  geopos,
  geodist,
  geohash,
  geosearch,
  geosearchstore,
  georadius,
  georadiusRo,
  georadiusbymember,
  georadiusbymemberRo,
];
