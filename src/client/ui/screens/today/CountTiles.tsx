/** The big numbers of the Today screen: expected, present, absent, excused, not yet marked. */
import { useFormat, useT } from '../../../i18n';
import type { TodayOverview } from '../../../state';

const TILES = [
  { key: 'expected', label: 'today.count.expected' },
  { key: 'present', label: 'today.count.present' },
  { key: 'absent', label: 'today.count.absent' },
  { key: 'excused', label: 'today.count.excused' },
  { key: 'unmarked', label: 'today.count.unmarked' },
] as const;

/** A list of tiles in a frame whose width sets the grid (see styles/screens.css); each reads as "12 Obecni". */
export function CountTiles({ counts, labelledBy }: { counts: TodayOverview['counts']; labelledBy: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <div class="tiles-frame">
      <ul class="tiles" aria-labelledby={labelledBy}>
        {TILES.map((tile) => (
          <li key={tile.key} class={`tile tile--${tile.key}`}>
            <span class="tile__value">{f.number(counts[tile.key])}</span>
            <span class="tile__label">{t(tile.label)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
