/** Organization (ośrodek, MOPS/MOPR/OPS): the tenant. */
import * as v from 'valibot';
import { NameSchema } from '../primitives';
import { syncMetaEntries } from './meta';

export const OrganizationSchema = v.object({
  ...syncMetaEntries,
  name: NameSchema,
  city: v.pipe(v.string(), v.maxLength(100)),
});
export type Organization = v.InferOutput<typeof OrganizationSchema>;
