import { formatNumber } from '../../lib/format.ts';

interface SparklineProps {
  values: readonly number[];
  width?: number;
  height?: number;
  label: string;
}

/** A tiny score-over-time line; plain SVG so a table of rows stays cheap. */
export function Sparkline({ values, width = 96, height = 24, label }: SparklineProps) {
  if (values.length === 0) return <span>—</span>;
  const max = Math.max(...values, 1);
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(2 + i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`);
  const last = points[points.length - 1]?.split(',') ?? ['0', '0'];
  const description = `${label}: ${values.map((v) => formatNumber(v)).join(', ')}`;
  return (
    <svg className="vs-sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
      <title>{description}</title>
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={last[0]} cy={last[1]} r="2.5" fill="currentColor" />
    </svg>
  );
}
