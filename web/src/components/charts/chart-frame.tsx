import { Heading2 } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Symbols } from 'recharts';
import './charts.css';

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

/**
 * Props for every chart: not a keyboard stop of its own (recharts' accessibility layer makes
 * the SVG a nameless focusable "application"); ChartImage names it as one image.
 */
export function chartA11y(name: string) {
  return { accessibilityLayer: false, title: name } as const;
}

/** A chart as one named image; its numbers are in the table beside it. */
export function ChartImage({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="img" aria-label={`${label}. De cijfers staan in de tabel bij de grafiek.`}>
      {children}
    </div>
  );
}

/** Colours for chart series with at least 3:1 contrast against white. */
export const SERIES_COLORS = ['#24578f', '#b45309', '#6d28d9', '#047857', '#be123c', '#0e7490', '#4d7c0f'] as const;

/** A dash pattern and a marker shape per series, so lines differ without colour (greyscale, colour blindness). */
export const SERIES_DASHES = ['', '8 4', '2 3', '12 4 2 4', '4 4', '1 5', '16 4'] as const;
export const SERIES_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye'] as const;

/** A line's marker in its series' shape (recharts' dot render prop). */
export function seriesMarker(index: number, color: string) {
  const type = SERIES_SHAPES[index % SERIES_SHAPES.length];
  return (props: { cx?: number; cy?: number; index?: number; value?: unknown }) =>
    props.cx === undefined || props.cy === undefined || props.value === null || props.value === undefined ? (
      <g key={`none-${props.index}`} />
    ) : (
      <Symbols key={`m-${props.index}`} cx={props.cx} cy={props.cy} type={type} size={48} fill="#fff" stroke={color} strokeWidth={1.5} />
    );
}

/** A bar whose count is hidden ("<5"): drawn light and dashed at a fixed small size, never as a number. */
export const hiddenCell = (color: string) => ({ className: 'vs-bar-hidden', fillOpacity: 0.3, stroke: color, strokeDasharray: '2 2' });

/** Axis titles in the chart's own text style. */
export const axisTitle = (value: string, axis: 'x' | 'y') =>
  axis === 'x'
    ? { value, position: 'insideBottom' as const, offset: -4, className: 'vs-axis-title' }
    : { value, angle: -90, position: 'insideLeft' as const, offset: 4, className: 'vs-axis-title', style: { textAnchor: 'middle' as const } };
