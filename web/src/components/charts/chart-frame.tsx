import { Heading2 } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

interface ChartFrameProps {
  title: string;
  description?: ReactNode;
  /** The chart's data as a table, for screen readers and for exact numbers. */
  table?: ReactNode;
  children: ReactNode;
}

/** A chart with its heading, a short description and its data as a table. */
export function ChartFrame({ title, description, table, children }: ChartFrameProps) {
  return (
    <section className="vs-panel" aria-label={title}>
      <Heading2>{title}</Heading2>
      {description ? <p className="vs-chart-legend-note">{description}</p> : null}
      <div className="vs-chart-area">{children}</div>
      {table ? (
        <details>
          <summary>Toon de cijfers als tabel</summary>
          {table}
        </details>
      ) : null}
    </section>
  );
}

/** Colours for chart series with at least 3:1 contrast against white. */
export const SERIES_COLORS = ['#24578f', '#b45309', '#6d28d9', '#047857', '#be123c', '#0e7490', '#4d7c0f'] as const;
