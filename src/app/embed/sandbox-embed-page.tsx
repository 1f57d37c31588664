import { useCallback, useEffect, useState } from 'react';
import { applyTheme, SimulationWorkspace, type SimSession } from '../../ui';
import { EmbedStage } from '../../ui/lesson';
import { createSimClient } from '../../worker';
import {
  EmbedParamProblems,
  parseSandboxEmbedParams,
  useEmbedResize,
  useEmbedSandbox,
} from '../../scenarios/framework';
import { exposeDebugHook } from '../debug-hook';
import { SANDBOX_SYSTEMS } from '../pages/sandbox-systems';

const OTHER_SYSTEMS = SANDBOX_SYSTEMS.flatMap((s) => (s.system === null ? [] : [s.system])) as [
  string,
  ...string[],
];

/**
 * `#/embed/sandbox`: the sandbox in the embed layout (docs/embedding.md "The sandbox") — the
 * picture first, chrome per `controls=`, the frame's size reported for auto-resize, and the
 * postMessage API where it applies (no steps, so no goto, goals or quiz). `system=` picks the
 * running system; the link under the frame opens the same system in the full simulator.
 */
export function SandboxEmbedPage() {
  const [{ params, system: systemId, problems }] = useState(() =>
    parseSandboxEmbedParams(
      hashQuery(window.location.hash),
      OTHER_SYSTEMS,
      SANDBOX_SYSTEMS[0].label.toLowerCase(),
    ),
  );
  const system = SANDBOX_SYSTEMS.find((s) => s.system === systemId) ?? SANDBOX_SYSTEMS[0];
  const [session, setSession] = useState<SimSession | null>(null);
  // A host's reset starts the system over from its seed: a new workspace, a new session.
  const [runs, setRuns] = useState(0);
  const onSession = useCallback((s: SimSession | null) => {
    exposeDebugHook(s);
    setSession(s);
  }, []);
  const onReset = useCallback(() => setRuns((n) => n + 1), []);
  useEffect(() => {
    applyTheme(params.theme);
    return () => applyTheme('auto');
  }, [params.theme]);
  const title = `Sandbox: ${system.label}`;
  useEmbedSandbox(true, { session, scenario: system.scenario, title, params, onReset });
  useEmbedResize(true, params.parentOrigins);
  return (
    <>
      <h1 className="visually-hidden">{title}</h1>
      <EmbedParamProblems problems={problems} />
      <SimulationWorkspace
        key={`${params.seed}-${system.scenario}-${runs}`}
        scenario={system.scenario}
        seed={params.seed}
        mode="embed"
        autoplay={params.autoplay}
        createClient={createSimClient}
        onSession={onSession}
      >
        <EmbedStage controls={params.controls} />
      </SimulationWorkspace>
    </>
  );
}

function hashQuery(hash: string): string {
  const q = hash.indexOf('?');
  return q === -1 ? '' : hash.slice(q + 1);
}
