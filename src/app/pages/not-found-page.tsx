import { PageHeading } from '../shell/page-heading';

/** A friendly dead end: what was asked for, and the way back. */
export function NotFoundPage({ what }: { what: string }) {
  return (
    <section className="message-page">
      <PageHeading title="Page not found" />
      <p>
        There is no {what} here. The link may be mistyped, or the scenario may have been renamed.
      </p>
      <p>
        <a className="btn btn-primary btn-link" href="#/">
          Back to the catalog
        </a>
      </p>
    </section>
  );
}
