/** The unit (placówka) switcher in the header; the choice is remembered on the device by the state layer. */
import { useT } from '../../i18n';
import { useCurrentUnit } from '../../state';

/** A labelled select of the user's units. */
export function UnitSwitcher() {
  const t = useT();
  const { unit, units, select } = useCurrentUnit();
  return (
    <div class="unit-switcher">
      <label class="unit-switcher__label" for="unit-switcher">{t('header.unit')}</label>
      <select
        id="unit-switcher"
        class="unit-switcher__select"
        value={unit?.id ?? ''}
        disabled={units.length === 0}
        onChange={(e) => select(e.currentTarget.value)}
      >
        {units.length === 0 && <option value="">{t('header.noUnits')}</option>}
        {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
    </div>
  );
}
