/** Participant (uczestnik): a person attending a unit, with the data the centre keeps about them. */
import * as v from 'valibot';
import { DaySchema, IdSchema, NameSchema, PeselSchema, PhoneSchema, TextSchema, WeekdaySchema } from '../primitives';
import { syncMetaEntries } from './meta';

export const PARTICIPANT_STATUSES = ['candidate', 'active', 'suspended', 'discharged'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const DIETS = ['standard', 'diabetic', 'easyToDigest', 'vegetarian', 'glutenFree', 'lactoseFree', 'other'] as const;
export type Diet = (typeof DIETS)[number];

export const MOBILITY_AIDS = ['none', 'cane', 'crutches', 'walker', 'wheelchair', 'other'] as const;
export type MobilityAid = (typeof MOBILITY_AIDS)[number];

/** Degrees of the Polish disability certificate (orzeczenie o stopniu niepełnosprawności). */
export const DISABILITY_DEGREES = ['light', 'moderate', 'severe', 'under16'] as const;
export type DisabilityDegree = (typeof DISABILITY_DEGREES)[number];

export const ContactSchema = v.object({
  name: NameSchema,
  relation: v.pipe(v.string(), v.maxLength(60)),
  phone: PhoneSchema,
  isLegalGuardian: v.boolean(),
});
export type Contact = v.InferOutput<typeof ContactSchema>;

export const AddressSchema = v.object({
  street: v.pipe(v.string(), v.maxLength(120)),
  postalCode: v.pipe(v.string(), v.regex(/^(\d{2}-\d{3})?$/, 'invalidPostalCode')),
  city: v.pipe(v.string(), v.maxLength(80)),
});
export type Address = v.InferOutput<typeof AddressSchema>;

export const TransportNeedsSchema = v.object({
  needsTransport: v.boolean(),
  mobilityAid: v.picklist(MOBILITY_AIDS),
  /** Shown to the driver: "ring twice", "needs help on the stairs". */
  driverNote: v.pipe(v.string(), v.maxLength(300)),
});

export const DisabilityCertificateSchema = v.object({
  degree: v.picklist(DISABILITY_DEGREES),
  /** Last valid day; null means issued permanently (na stałe). */
  validUntil: v.nullable(DaySchema),
});

/** WTZ individual rehabilitation programme (IPR). */
export const RehabPlanSchema = v.pipe(
  v.object({ startDate: DaySchema, reviewDate: DaySchema }),
  v.check((p) => p.startDate <= p.reviewDate, 'reviewBeforeStart'),
);

export const ConsentsSchema = v.object({
  dataProcessing: v.boolean(),
  photos: v.boolean(),
  outings: v.boolean(),
  signedOn: v.nullable(DaySchema),
});

export const ParticipantSchema = v.pipe(
  v.object({
    ...syncMetaEntries,
    firstName: NameSchema,
    lastName: NameSchema,
    birthDate: DaySchema,
    pesel: v.nullable(PeselSchema),
    unitId: IdSchema,
    /** The studio (a room with isStudio) the person belongs to, in a WTZ. */
    studioId: v.nullable(IdSchema),
    attendanceWeekdays: v.pipe(v.array(WeekdaySchema), v.check((ws) => new Set(ws).size === ws.length, 'duplicateWeekday')),
    admissionDate: DaySchema,
    dischargeDate: v.nullable(DaySchema),
    dischargeReason: v.nullable(v.pipe(v.string(), v.maxLength(300))),
    status: v.picklist(PARTICIPANT_STATUSES),
    phone: v.nullable(PhoneSchema),
    contacts: v.pipe(v.array(ContactSchema), v.maxLength(10)),
    address: AddressSchema,
    transport: TransportNeedsSchema,
    diet: v.picklist(DIETS),
    allergies: v.pipe(v.string(), v.maxLength(300)),
    disabilityCertificate: v.nullable(DisabilityCertificateSchema),
    rehabPlan: v.nullable(RehabPlanSchema),
    consents: ConsentsSchema,
    notes: TextSchema,
  }),
  v.check((p) => p.birthDate <= p.admissionDate, 'admissionBeforeBirth'),
  v.check((p) => p.dischargeDate === null || p.admissionDate <= p.dischargeDate, 'dischargeBeforeAdmission'),
);
export type Participant = v.InferOutput<typeof ParticipantSchema>;
