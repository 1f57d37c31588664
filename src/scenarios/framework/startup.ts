/**
 * What a lesson page starts from: a share link (if the URL has one and it is valid), else the
 * student's saved progress, else a fresh start — plus sentences for anything that was refused.
 */
import type { LoggedAction } from '../../worker';
import {
  emptyProgress,
  loadProgress,
  type LessonProgress,
  type ProgressStorage,
} from './progress-store';
import { decodeShareLink, ShareLinkError } from './share-link';

export interface LessonStartup {
  seed: number;
  progress: LessonProgress;
  /** Actions to replay after loading, up to a virtual time; null = a fresh simulation. */
  restore: { log: LoggedAction[]; untilUs: number } | null;
  /** The step a share link asks for (the opener's goals stay their own). */
  shareStep: number | null;
  /** Sentences for the alert region (a refused link, cleared progress). */
  problems: string[];
}

export async function resolveStartup(opts: {
  scenario: string;
  routeSeed: number;
  /** The URL named a seed explicitly (a saved simulation with another seed is then not restored). */
  seedInUrl: boolean;
  shareParam: string | null;
  storage: ProgressStorage;
}): Promise<LessonStartup> {
  const problems: string[] = [];
  const loaded = loadProgress(opts.storage, opts.scenario);
  if (loaded.status === 'reset') problems.push(loaded.message);
  const progress = loaded.status === 'ok' ? loaded.progress : emptyProgress();

  if (opts.shareParam !== null) {
    try {
      const shared = await decodeShareLink(opts.shareParam, opts.scenario);
      return {
        seed: shared.seed,
        progress,
        restore: { log: shared.log, untilUs: shared.untilUs },
        shareStep: shared.step,
        problems,
      };
    } catch (err) {
      problems.push(
        err instanceof ShareLinkError
          ? err.message
          : 'This share link cannot be opened. Nothing from it was loaded — the lesson continues from your own progress.',
      );
    }
  }
  const sim = progress.sim;
  if (sim && (!opts.seedInUrl || sim.seed === opts.routeSeed)) {
    return {
      seed: sim.seed,
      progress,
      restore: { log: sim.log, untilUs: sim.untilUs },
      shareStep: null,
      problems,
    };
  }
  return { seed: opts.routeSeed, progress, restore: null, shareStep: null, problems };
}
