/** Staff member (pracownik): therapist, coordinator, driver, kitchen, administrator. */
import * as v from 'valibot';
import { IdSchema, NameSchema, PhoneSchema } from '../primitives';
import { syncMetaEntries } from './meta';

export const ROLES = ['administrator', 'coordinator', 'therapist', 'driver', 'kitchen'] as const;
export type Role = (typeof ROLES)[number];

export const StaffMemberSchema = v.object({
  ...syncMetaEntries,
  firstName: NameSchema,
  lastName: NameSchema,
  role: v.picklist(ROLES),
  /** Job title as the centre writes it ("instruktor terapii zajęciowej"). */
  jobTitle: v.pipe(v.string(), v.maxLength(120)),
  unitIds: v.array(IdSchema),
  phone: v.nullable(PhoneSchema),
  email: v.nullable(v.pipe(v.string(), v.email('invalidEmail'))),
  active: v.boolean(),
});
export type StaffMember = v.InferOutput<typeof StaffMemberSchema>;
