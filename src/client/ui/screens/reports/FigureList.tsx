/** A report's figures as label–value pairs (a definition list that prints without breaking an item). */
export function FigureList({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <dl class="report-figures">
      {rows.map(([k, v]) => <div key={k} class="report-figures__item"><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}
