import type { ScenarioMeta } from '../../scenarios';
import { PageHeading } from '../shell/page-heading';

/** An announced scenario that has not landed yet. */
export function ComingSoonPage({ scenario }: { scenario: ScenarioMeta }) {
  return (
    <section className="message-page">
      <PageHeading title={scenario.title} />
      <p className="status status-coming-soon">◷ Coming soon</p>
      <p>{scenario.summary}</p>
      <p>
        Until it arrives, the sandbox shows the same building blocks: requests travelling between an
        app, a cache and a database.
      </p>
      <p className="button-row">
        <a className="btn btn-primary btn-link" href="#/sandbox">
          Open the sandbox
        </a>
        <a className="btn btn-link" href="#/">
          Back to the catalog
        </a>
      </p>
    </section>
  );
}
