import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api-client.ts';

export function Loading({ label = 'Gegevens worden geladen…' }: { label?: string }) {
  return (
    <p className="vs-loading" role="status" aria-live="polite">
      <span className="vs-spinner" aria-hidden="true" /> {label}
    </p>
  );
}

/** A refusal's field (`body.huisnummer`) by its label on screen, when the form names it in `fields`. */
function messageOf(error: unknown, fields?: Record<string, string>): string {
  if (!(error instanceof ApiError)) return 'Er ging iets mis. Probeer het later opnieuw.';
  const body = error.body as { field?: unknown; reason?: unknown } | null;
  const label = typeof body?.field === 'string' ? fields?.[body.field] : undefined;
  return label && typeof body?.reason === 'string' ? `${label}: ${body.reason}` : error.message;
}

export function ErrorMessage({ error, title = 'Het laden is mislukt', fields }: { error: unknown; title?: string; fields?: Record<string, string> }) {
  const message = messageOf(error, fields);
  return (
    <Alert type="error" role="alert">
      <Paragraph>
        <strong>{title}.</strong> {message}
      </Paragraph>
    </Alert>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Alert type="info">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** When true for the data, the empty message is shown instead of the children. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}

/** Loading, error and empty states around one query's data. */
export function QueryState<T>({ query, isEmpty, empty, loadingLabel, children }: QueryStateProps<T>) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  if (isEmpty?.(query.data)) return <EmptyState>{empty ?? 'Er is niets om te tonen.'}</EmptyState>;
  return <>{children(query.data)}</>;
}
