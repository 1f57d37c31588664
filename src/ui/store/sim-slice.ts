import type { StateCreator } from 'zustand';
import type {
  ActionSpec,
  FlowSnapshot,
  LoadResult,
  SimSnapshot,
  SimState,
  TopologyView,
  TraceEvent,
} from '../../worker';
import type { UiState } from './ui-store';

/** How many entries the event log keeps (older ones scroll away). */
export const EVENT_LOG_LIMIT = 200;

/**
 * One line of the event log: a trace event seen while playing, or one step — a single kernel
 * event with every trace event it emitted (possibly none: a timer inside a node).
 */
export type LogEntry =
  | { type: 'event'; key: string; event: TraceEvent }
  | { type: 'step'; key: string; step: number; t: number; events: TraceEvent[] };

export interface SimSlice {
  simState: SimState;
  topology: TopologyView | null;
  /** The topology the load returned: what a snapshot of topology version 0 shows. */
  loadedTopology: TopologyView | null;
  /** The version `topology` is of (SimSnapshot.topologyVersion). */
  topologyVersion: number;
  actions: ActionSpec[];
  snapshot: SimSnapshot | null;
  /** Requests per second over the links and nodes in the last window (the flow view). */
  flows: FlowSnapshot | null;
  /** Newest last; at most EVENT_LOG_LIMIT. */
  log: LogEntry[];
  /** Trace events seen in total (including those the worker left out of a batch). */
  eventsSeen: number;
  loadError: string | null;
  setLoaded: (result: LoadResult) => void;
  setSimState: (state: SimState) => void;
  setLoadError: (message: string | null) => void;
  setSnapshot: (snapshot: SimSnapshot) => void;
  setFlows: (flows: FlowSnapshot | null) => void;
  appendEvents: (events: readonly TraceEvent[], dropped: number) => void;
  appendStep: (step: number, t: number, events: readonly TraceEvent[]) => void;
  resetSim: () => void;
}

export const createSimSlice: StateCreator<UiState, [], [], SimSlice> = (set) => ({
  simState: 'idle',
  topology: null,
  loadedTopology: null,
  topologyVersion: 0,
  actions: [],
  snapshot: null,
  flows: null,
  log: [],
  eventsSeen: 0,
  loadError: null,
  setLoaded: (r) =>
    set({
      topology: r.snapshot.topology ?? r.topology,
      loadedTopology: r.topology,
      topologyVersion: r.snapshot.topologyVersion,
      actions: r.actions,
      snapshot: r.snapshot,
      loadError: null,
    }),
  setSimState: (simState) => set({ simState }),
  setLoadError: (loadError) => set({ loadError }),
  // An action (or replaying the log) may have replaced the system's topology: the picture
  // follows the snapshot's version, back to the loaded one at version 0.
  setSnapshot: (snapshot) =>
    set((s) =>
      snapshot.topologyVersion === s.topologyVersion
        ? { snapshot }
        : {
            snapshot,
            topologyVersion: snapshot.topologyVersion,
            topology: snapshot.topology ?? s.loadedTopology,
          },
    ),
  setFlows: (flows) => set({ flows }),
  appendEvents: (events, dropped) =>
    set((s) => {
      if (events.length === 0 && dropped === 0) return {};
      const added = events.map((event): LogEntry => ({
        type: 'event',
        key: `e${event.seq}`,
        event,
      }));
      return {
        log: capped(s.log.concat(added)),
        eventsSeen: s.eventsSeen + events.length + dropped,
      };
    }),
  appendStep: (step, t, events) =>
    set((s) => ({
      log: capped(
        s.log.concat({
          type: 'step',
          key: `s${step}-${events[0]?.seq ?? t}`,
          step,
          t,
          events: [...events],
        }),
      ),
      eventsSeen: s.eventsSeen + events.length,
    })),
  resetSim: () =>
    set({
      simState: 'idle',
      topology: null,
      loadedTopology: null,
      topologyVersion: 0,
      actions: [],
      snapshot: null,
      flows: null,
      log: [],
      eventsSeen: 0,
      loadError: null,
    }),
});

export const selectSimState = (s: UiState) => s.simState;
export const selectTopology = (s: UiState) => s.topology;
export const selectSnapshot = (s: UiState) => s.snapshot;
export const selectFlows = (s: UiState) => s.flows;
export const selectLog = (s: UiState) => s.log;
export const selectLoadError = (s: UiState) => s.loadError;

function capped(log: LogEntry[]): LogEntry[] {
  return log.length > EVENT_LOG_LIMIT ? log.slice(log.length - EVENT_LOG_LIMIT) : log;
}
