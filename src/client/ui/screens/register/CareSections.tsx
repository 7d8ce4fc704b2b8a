/** Contact and address, transport, meals, certificate, IPR, consents and notes of the participant form. */
import { DIETS, DISABILITY_DEGREES, MOBILITY_AIDS } from '../../../../domain';
import { CheckboxField } from '../../components/CheckboxField';
import { FormField } from '../../components/FormField';
import { InputField } from '../../components/InputField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FormBinding } from './form-context';

export function ContactSection({ b }: { b: FormBinding }) {
  const { values: v, set, error, t } = b;
  const contact = (i: number, patch: Partial<(typeof v.contacts)[number]>) =>
    set({ contacts: v.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <fieldset class="form-section">
      <legend class="form-section__title">{t('form.contact')}</legend>
      <InputField id="p-phone" type="tel" label={t('form.phone')} value={v.phone ?? ''} onInput={(x) => set({ phone: x.trim() === '' ? null : x })} error={error('phone')} />
      <TextField id="p-street" label={t('form.street')} value={v.address.street} onInput={(x) => set({ address: { ...v.address, street: x } })} error={error('address.street')} />
      <div class="form-row">
        <TextField id="p-postalCode" label={t('form.postalCode')} value={v.address.postalCode} onInput={(x) => set({ address: { ...v.address, postalCode: x } })} error={error('address.postalCode')} />
        <TextField id="p-city" label={t('form.city')} value={v.address.city} onInput={(x) => set({ address: { ...v.address, city: x } })} error={error('address.city')} />
      </div>
      <h3 class="card__subtitle">{t('form.contacts')}</h3>
      {v.contacts.map((c, i) => (
        <div key={i} class="form-row contact-row">
          <TextField id={`p-contact-${i}-name`} label={t('form.contactName')} value={c.name} onInput={(x) => contact(i, { name: x })} error={error(`contacts.${i}.name`)} />
          <TextField id={`p-contact-${i}-relation`} label={t('form.contactRelation')} value={c.relation} onInput={(x) => contact(i, { relation: x })} />
          <InputField id={`p-contact-${i}-phone`} type="tel" label={t('form.contactPhone')} value={c.phone} onInput={(x) => contact(i, { phone: x })} error={error(`contacts.${i}.phone`)} />
          <CheckboxField id={`p-contact-${i}-guardian`} label={t('form.contactGuardian')} checked={c.isLegalGuardian} onChange={(x) => contact(i, { isLegalGuardian: x })} />
          <button type="button" class="button button--secondary" onClick={() => set({ contacts: v.contacts.filter((_, j) => j !== i) })}>
            {t('form.contactRemove', { n: i + 1 })}
          </button>
        </div>
      ))}
      {v.contacts.length < 10 && (
        <button type="button" class="button button--secondary" onClick={() => set({ contacts: [...v.contacts, { name: '', relation: '', phone: '', isLegalGuardian: false }] })}>
          {t('form.contactAdd')}
        </button>
      )}
    </fieldset>
  );
}

export function CareSection({ b, showRehab }: { b: FormBinding; showRehab: boolean }) {
  const { values: v, set, error, warning, t } = b;
  const cert = v.disabilityCertificate;
  const rehab = v.rehabPlan;
  return (
    <>
      <fieldset class="form-section">
        <legend class="form-section__title">{t('form.transport')}</legend>
        <CheckboxField id="p-needsTransport" label={t('form.needsTransport')} checked={v.transport.needsTransport} onChange={(x) => set({ transport: { ...v.transport, needsTransport: x } })} />
        <SelectField id="p-mobilityAid" label={t('form.mobilityAid')} value={v.transport.mobilityAid} onChange={(x) => set({ transport: { ...v.transport, mobilityAid: x as typeof v.transport.mobilityAid } })}
          options={MOBILITY_AIDS.map((m) => ({ value: m, label: t(`mobility.${m}`) }))} />
        <TextField id="p-driverNote" label={t('form.driverNote')} value={v.transport.driverNote} onInput={(x) => set({ transport: { ...v.transport, driverNote: x } })} error={error('transport.driverNote')} />
      </fieldset>
      <fieldset class="form-section">
        <legend class="form-section__title">{t('form.meals')}</legend>
        <SelectField id="p-diet" label={t('form.diet')} value={v.diet} onChange={(x) => set({ diet: x as typeof v.diet })} options={DIETS.map((d) => ({ value: d, label: t(`diet.${d}`) }))} />
        <TextField id="p-allergies" label={t('form.allergies')} value={v.allergies} onInput={(x) => set({ allergies: x })} error={error('allergies')} />
      </fieldset>
      <fieldset class="form-section">
        <legend class="form-section__title">{t('form.certificate')}</legend>
        <CheckboxField id="p-hasCertificate" label={t('form.hasCertificate')} checked={cert !== null}
          onChange={(x) => set({ disabilityCertificate: x ? { degree: 'moderate', validUntil: null } : null })} />
        {cert && (
          <div class="form-row">
            <SelectField id="p-degree" label={t('form.degree')} value={cert.degree} onChange={(x) => set({ disabilityCertificate: { ...cert, degree: x as typeof cert.degree } })}
              options={DISABILITY_DEGREES.map((d) => ({ value: d, label: t(`degree.${d}`) }))} />
            <InputField id="p-validUntil" type="date" label={t('form.validUntil')} value={cert.validUntil ?? ''} error={error('disabilityCertificate.validUntil')}
              warning={warning('disabilityCertificate.validUntil')}
              onInput={(x) => set({ disabilityCertificate: { ...cert, validUntil: x === '' ? null : x } })} />
          </div>
        )}
      </fieldset>
      {showRehab && (
        <fieldset class="form-section">
          <legend class="form-section__title">{t('form.rehab')}</legend>
          <CheckboxField id="p-hasRehab" label={t('form.hasRehab')} checked={rehab !== null}
            onChange={(x) => set({ rehabPlan: x ? { startDate: v.admissionDate, reviewDate: v.admissionDate } : null })} />
          {rehab && (
            <div class="form-row">
              <InputField id="p-rehabStart" type="date" label={t('form.rehabStart')} value={rehab.startDate} onInput={(x) => set({ rehabPlan: { ...rehab, startDate: x } })} error={error('rehabPlan.startDate')} />
              <InputField id="p-rehabReview" type="date" label={t('form.rehabReview')} value={rehab.reviewDate} onInput={(x) => set({ rehabPlan: { ...rehab, reviewDate: x } })} error={error('rehabPlan.reviewDate')}
                warning={warning('rehabPlan.reviewDate')} />
            </div>
          )}
        </fieldset>
      )}
      <fieldset class="form-section">
        <legend class="form-section__title">{t('form.consents')}</legend>
        <CheckboxField id="p-consentData" label={t('form.consentData')} checked={v.consents.dataProcessing} onChange={(x) => set({ consents: { ...v.consents, dataProcessing: x } })} />
        <CheckboxField id="p-consentPhotos" label={t('form.consentPhotos')} checked={v.consents.photos} onChange={(x) => set({ consents: { ...v.consents, photos: x } })} />
        <CheckboxField id="p-consentOutings" label={t('form.consentOutings')} checked={v.consents.outings} onChange={(x) => set({ consents: { ...v.consents, outings: x } })} />
        <InputField id="p-consentSigned" type="date" label={t('form.consentSigned')} value={v.consents.signedOn ?? ''} onInput={(x) => set({ consents: { ...v.consents, signedOn: x === '' ? null : x } })} error={error('consents.signedOn')} />
      </fieldset>
      <FormField id="p-notes" label={t('form.notes')} error={error('notes')}>
        {(aria) => <textarea {...aria} class="input textarea" rows={3} maxLength={2000} value={v.notes} onInput={(e) => set({ notes: e.currentTarget.value })} />}
      </FormField>
    </>
  );
}
