import { useUiStore } from '../store/ui-store';
import { selectNotice } from '../store/notice-slice';

/** Says what went wrong, what we did and what to do (STYLE.md). The region is always present so it announces. */
export function NoticeRegion() {
  const notice = useUiStore(selectNotice);
  const setNotice = useUiStore((s) => s.setNotice);
  return (
    <div role="alert" className={notice ? 'notice' : 'notice-empty'}>
      {notice ? (
        <>
          <span aria-hidden="true" className="notice-icon">
            ⚠
          </span>
          <p>{notice}</p>
          <button type="button" className="btn btn-small" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </>
      ) : null}
    </div>
  );
}
