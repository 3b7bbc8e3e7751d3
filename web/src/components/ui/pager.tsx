import { Button } from '@utrecht/component-library-react';
import { formatNumber } from '../../lib/format.ts';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** Previous/next paging with "rows x–y of n"; pages are 1-based. */
export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="vs-pager" aria-label="Paginering">
      <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Vorige
      </Button>
      <span aria-live="polite">
        {formatNumber(from)}–{formatNumber(to)} van {formatNumber(total)} (pagina {page} van {pages})
      </span>
      <Button appearance="secondary-action-button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Volgende
      </Button>
    </nav>
  );
}
