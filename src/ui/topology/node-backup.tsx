import { useEffect, useState } from 'react';
import { formatBytes } from '../lesson/metric-catalog';
import type { SimSession } from '../session/sim-session';

/** Hands `bytes` to the browser as a downloaded file. */
function download(fileName: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], { type: 'application/octet-stream' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A Valkey / Redis OSS node's backup as a file: the RDB bytes the engine writes now (what a
 * snapshot exported to S3 holds, docs/aws/snapshots.md). Reading the node changes nothing in the
 * simulation, so it is not an action and the trace is untouched. The file is written as of the
 * wall clock (saveRdb's asOfMs): the simulation's calendar starts on 1 January 2026, and a real
 * server would drop every key with a TTL as long expired.
 */
export function NodeBackup({ session, nodeId }: { session: SimSession; nodeId: string }) {
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setResult(null), [nodeId]);
  return (
    <div role="group" aria-labelledby="node-backup-heading" className="node-backup">
      <h3 id="node-backup-heading">Backup</h3>
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void session
            .exportSnapshot(nodeId, Date.now())
            .then((out) => {
              if (!out.ok) return setResult({ text: out.error, error: true });
              download(out.fileName, out.bytes);
              setResult({
                text: `Saved ${out.fileName}: ${out.keys} keys, ${formatBytes(out.bytes.length)} — the RDB file (version 10) a snapshot holds. Times in it are counted from now, so a redis-server you start with it keeps each key's remaining TTL.`,
                error: false,
              });
            })
            .finally(() => setBusy(false));
        }}
      >
        Download a snapshot (.rdb)
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`action-result${result?.error ? ' action-error' : ''}`}
        data-testid="node-backup-result"
      >
        {result?.text ?? ''}
      </p>
    </div>
  );
}
