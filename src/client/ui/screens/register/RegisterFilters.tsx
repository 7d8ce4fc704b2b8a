/**
 * Search and filters of the register: free text (no diacritics needed), status, studio, weekday,
 * transport, diet. Two filters to a row even on a phone, so the first person stays near the top.
 */
import { DIETS, EMPTY_FILTER, PARTICIPANT_STATUSES, isFilterActive, type RegisterFilter, type Room, type Weekday } from '../../../../domain';
import { useT } from '../../../i18n';
import { InputField } from '../../components/InputField';
import { SelectField } from '../../components/SelectField';

export function RegisterFilters({ filter, onChange, studios }: { filter: RegisterFilter; onChange: (f: RegisterFilter) => void; studios: readonly Room[] }) {
  const t = useT();
  const set = (patch: Partial<RegisterFilter>) => onChange({ ...filter, ...patch });
  return (
    <div class="register-filters" role="search">
      <InputField id="register-search" type="search" label={t('register.search')} value={filter.query} onInput={(query) => set({ query })} />
      <div class="register-filters__grid">
        <SelectField id="filter-status" label={t('register.status')} value={filter.status ?? ''} placeholder={t('register.any')}
          onChange={(v) => set({ status: v === '' ? null : (v as RegisterFilter['status']) })} options={PARTICIPANT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        {studios.length > 0 && (
          <SelectField id="filter-studio" label={t('form.studio')} value={filter.studioId ?? ''} placeholder={t('register.any')}
            onChange={(v) => set({ studioId: v === '' ? null : v })} options={studios.map((r) => ({ value: r.id, label: r.name }))} />
        )}
        <SelectField id="filter-weekday" label={t('register.weekday')} value={filter.weekday === null ? '' : String(filter.weekday)} placeholder={t('register.anyDay')}
          onChange={(v) => set({ weekday: v === '' ? null : (Number(v) as Weekday) })}
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekday.long.${d as Weekday}`) }))} />
        <SelectField id="filter-transport" label={t('register.transportFilter')} value={filter.transport === null ? '' : String(filter.transport)} placeholder={t('register.any')}
          onChange={(v) => set({ transport: v === '' ? null : v === 'true' })}
          options={[{ value: 'true', label: t('register.transportYes') }, { value: 'false', label: t('register.transportNo') }]} />
        <SelectField id="filter-diet" label={t('form.diet')} value={filter.diet ?? ''} placeholder={t('register.any')}
          onChange={(v) => set({ diet: v === '' ? null : (v as RegisterFilter['diet']) })} options={DIETS.map((d) => ({ value: d, label: t(`diet.${d}`) }))} />
      </div>
      {isFilterActive(filter) && (
        <button type="button" class="button button--secondary" onClick={() => onChange(EMPTY_FILTER)}>{t('register.clearFilters')}</button>
      )}
    </div>
  );
}
