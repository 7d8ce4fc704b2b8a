/**
 * A bar chart in plain SVG: the image has a title and a one-sentence summary (role="img"), and the
 * same numbers follow as a table inside a disclosure, so nothing is only visible in the picture.
 */
import { useFormat, useT } from '../../../i18n';

export interface Bar { key: string; label: string; longLabel: string; value: number; muted: boolean; note?: string | undefined }

const W = 720;
const H = 220;
const PAD = { top: 16, right: 8, bottom: 28, left: 36 };

export function BarChart({ id, title, summary, bars, labelHeader, valueHeader }: {
  id: string; title: string; summary: string; bars: readonly Bar[]; labelHeader: string; valueHeader: string;
}) {
  const t = useT();
  const f = useFormat();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, bars.length);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="report__subtitle">{title}</figcaption>
      <svg class="chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-summary`} preserveAspectRatio="xMidYMid meet">
        {ticks.map((v) => (
          <g key={v} aria-hidden="true">
            <line class="chart__grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text class="chart__axis" x={PAD.left - 6} y={y(v) + 4} text-anchor="end">{f.number(v)}</text>
          </g>
        ))}
        {bars.map((b, i) => {
          const x = PAD.left + i * slot + slot * 0.15;
          const h = (b.value / top) * plotH;
          return (
            <g key={b.key} aria-hidden="true">
              <rect class={b.muted ? 'chart__bar chart__bar--muted' : 'chart__bar'} x={x} y={PAD.top + plotH - h} width={slot * 0.7} height={Math.max(h, b.muted ? 0 : 0.5)} />
              {(bars.length <= 16 || i % 2 === 0) && (
                <text class="chart__axis" x={x + slot * 0.35} y={H - PAD.bottom + 16} text-anchor="middle">{b.label}</text>
              )}
            </g>
          );
        })}
      </svg>
      <p id={`${id}-summary`} class="muted">{summary}</p>
      <details class="chart__data no-print">
        <summary>{t('reports.chartTable')}</summary>
        <table class="sheet report-table report-table--narrow">
          <caption class="visually-hidden">{title}</caption>
          <thead><tr><th scope="col">{labelHeader}</th><th scope="col">{valueHeader}</th></tr></thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}><th scope="row" class="sheet__name">{b.longLabel}</th><td class="sheet__num">{b.note && b.value === 0 ? b.note : f.number(b.value)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A round step for the value axis (1, 2, 5, 10, 20…) giving at most about five lines. */
function niceStep(max: number): number {
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return Math.max(1, m * pow);
  return Math.max(1, 10 * pow);
}
