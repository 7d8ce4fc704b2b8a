/** Room (pracownia, sala): a studio or room of a unit. In a WTZ each participant belongs to one studio. */
import * as v from 'valibot';
import { IdSchema, NameSchema } from '../primitives';
import { syncMetaEntries } from './meta';

export const RoomSchema = v.object({
  ...syncMetaEntries,
  unitId: IdSchema,
  name: NameSchema,
  /** A studio groups participants (WTZ); a room is only a place. */
  isStudio: v.boolean(),
  capacity: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
});
export type Room = v.InferOutput<typeof RoomSchema>;
