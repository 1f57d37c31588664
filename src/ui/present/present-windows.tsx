import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimClient } from '../../worker';
import { SimSessionContext, useSimSessionLifecycle } from '../session/session-context';
import type { SimSession } from '../session/sim-session';
import { applyTheme } from '../styles/theme';
import { AudienceView } from './audience-view';
import { KeyMap } from './key-map';
import type { LectureDefinition } from './lecture-types';
import { PresenterView } from './presenter-view';
import type { AudienceStatus } from './sync-protocol';
import { useLectureSim } from './use-lecture-sim';
import { toggleFullscreen, usePresentKeys } from './use-present-keys';
import { usePresentSync } from './use-present-sync';
import './present.css';

export interface PresentWindowProps {
  lecture: LectureDefinition;
  /** 0-based, from the link's `slide=`. */
  initialSlide: number;
  /** The address of the other window (`view=presenter`, or the audience's). */
  otherHref: (slide: number) => string;
  /** A problem with the link (a bad `slide=`), shown in the window. */
  notice: string | null;
}

/** Status posts while the simulation plays: often enough for a clock, rare enough to be free. */
const STATUS_EVERY_MS = 250;

/** The projector's window: it owns the simulation and follows the shared slide. */
export function AudienceWindow({
  createClient,
  onSession,
  ...props
}: PresentWindowProps & {
  createClient: () => SimClient;
  onSession?: (s: SimSession | null) => void;
}) {
  const session = useSimSessionLifecycle({
    createClient,
    scenario: props.lecture.scenario,
    seed: props.lecture.seed,
    autoplay: false,
    onSession,
  });
  useEffect(() => {
    applyTheme('light');
    return () => applyTheme('auto');
  }, []);
  if (!session) return null;
  return (
    <SimSessionContext.Provider value={session}>
      <AudienceSession session={session} {...props} />
    </SimSessionContext.Provider>
  );
}

function AudienceSession({
  session,
  lecture,
  initialSlide,
  otherHref,
  notice,
}: PresentWindowProps & { session: SimSession }) {
  const [keyMap, setKeyMap] = useState(false);
  const simRef = useRef<ReturnType<typeof useLectureSim> | null>(null);
  const sync = usePresentSync({
    scenario: lecture.scenario,
    slideCount: lecture.slides.length,
    role: 'audience',
    initial: { slide: initialSlide, blank: false, revealed: false },
    onCommand: (c) => {
      const sim = simRef.current;
      if (!sim) return;
      if (c.kind === 'togglePlay') sim.togglePlay();
      else if (c.kind === 'fault') sim.fault(c.index);
      else sim.backToScript();
    },
  });
  const sim = useLectureSim(session, lecture, sync.state.slide);
  simRef.current = sim;
  const { slide } = sync.state;
  usePostedStatus(sim.status, sync.postStatus);
  useSlideInAddress(slide);
  useTitle(`${lecture.slides[slide]!.title} — ${lecture.title}`);

  const openPresenter = useCallback(() => {
    window.open(
      otherHref(slide),
      `ecsim-presenter-${lecture.scenario}`,
      'popup,width=1180,height=800',
    );
  }, [otherHref, slide, lecture.scenario]);
  const closeKeyMap = useCallback(() => setKeyMap(false), []);
  const last = lecture.slides.length - 1;
  usePresentKeys(
    {
      next: () => sync.change({ slide: Math.min(last, slide + 1) }),
      previous: () => sync.change({ slide: Math.max(0, slide - 1) }),
      togglePlay: sim.togglePlay,
      blank: () => sync.change({ blank: !sync.state.blank }),
      fullscreen: toggleFullscreen,
      resetSlide: sim.backToScript,
      fault: sim.fault,
      keyMap: () => setKeyMap((k) => !k),
      reveal: () => {
        if (lecture.slides[slide]!.question) sync.change({ revealed: !sync.state.revealed });
      },
      presenter: openPresenter,
    },
    !keyMap,
  );
  return (
    <>
      <AudienceView
        lecture={lecture}
        state={sync.state}
        status={sim.status}
        connected={sync.connected}
        notice={notice}
        onPresenter={openPresenter}
        onKeyMap={() => setKeyMap(true)}
      />
      {keyMap ? (
        <KeyMap faults={lecture.slides[slide]!.faults ?? []} onClose={closeKeyMap} />
      ) : null}
    </>
  );
}

/** The instructor's window: notes and controls; the audience window carries the commands out. */
export function PresenterWindow({ lecture, initialSlide, otherHref, notice }: PresentWindowProps) {
  const [keyMap, setKeyMap] = useState(false);
  const sync = usePresentSync({
    scenario: lecture.scenario,
    slideCount: lecture.slides.length,
    role: 'presenter',
    initial: { slide: initialSlide, blank: false, revealed: false },
  });
  const { slide } = sync.state;
  useSlideInAddress(slide);
  useTitle(`Presenter — ${lecture.title}`);
  const last = lecture.slides.length - 1;
  const move = (delta: 1 | -1) =>
    sync.change({ slide: Math.max(0, Math.min(last, slide + delta)) });
  const faults = lecture.slides[slide]!.faults ?? [];
  const fault = (i: number) => {
    if (i < faults.length) sync.send({ kind: 'fault', index: i });
  };
  const closeKeyMap = useCallback(() => setKeyMap(false), []);
  const reveal = () => {
    if (lecture.slides[slide]!.question) sync.change({ revealed: !sync.state.revealed });
  };
  const actions = {
    togglePlay: () => sync.send({ kind: 'togglePlay' }),
    blank: () => sync.change({ blank: !sync.state.blank }),
    backToScript: () => sync.send({ kind: 'backToScript' }),
  };
  usePresentKeys(
    {
      next: () => move(1),
      previous: () => move(-1),
      togglePlay: actions.togglePlay,
      blank: actions.blank,
      fullscreen: toggleFullscreen,
      resetSlide: actions.backToScript,
      fault,
      keyMap: () => setKeyMap((k) => !k),
      reveal,
    },
    !keyMap,
  );
  return (
    <>
      <PresenterView
        lecture={lecture}
        state={sync.state}
        audience={sync.audience}
        available={sync.available}
        notice={notice}
        onMove={move}
        onTogglePlay={actions.togglePlay}
        onBlank={actions.blank}
        onBackToScript={actions.backToScript}
        onReveal={reveal}
        onFault={fault}
        onOpenAudience={() => window.open(otherHref(slide), `ecsim-audience-${lecture.scenario}`)}
        onKeyMap={() => setKeyMap(true)}
      />
      {keyMap ? <KeyMap faults={faults} onClose={closeKeyMap} /> : null}
    </>
  );
}

/** Sends the audience's status when it changes: at once for a new state, throttled for the clock. */
function usePostedStatus(status: AudienceStatus, post: (s: AudienceStatus) => void) {
  const lastKey = useRef('');
  const lastAt = useRef(0);
  useEffect(() => {
    const key = JSON.stringify({ ...status, nowUs: 0 });
    const now = performance.now();
    if (key === lastKey.current && now - lastAt.current < STATUS_EVERY_MS) return;
    lastKey.current = key;
    lastAt.current = now;
    post(status);
  });
}

/** Keeps `slide=` in the address, so a reload (or a copied link) lands on the slide shown. */
function useSlideInAddress(slide: number) {
  useEffect(() => {
    const hash = window.location.hash;
    const q = hash.indexOf('?');
    const params = new URLSearchParams(q === -1 ? '' : hash.slice(q + 1));
    if (params.get('slide') === String(slide + 1)) return;
    params.set('slide', String(slide + 1));
    const path = q === -1 ? hash : hash.slice(0, q);
    window.history.replaceState(window.history.state, '', `${path}?${params.toString()}`);
  }, [slide]);
}

function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · ElastiCache Simulator`;
  }, [title]);
}
