/**
 * A route's stops as the driver reads them: in order, with the person's name, the pickup address
 * (the stop's own, else the home address), the planned time and the mobility aid.
 */
import type { MobilityAid, Participant, RouteStop } from '../../../domain';
import { formatAddress, fullName } from './people';

/** One printed stop. `name` is null when the participant is not visible on this device. */
export interface StopRow {
  id: string;
  time: string;
  name: string | null;
  address: string;
  mobilityAid: MobilityAid | null;
  driverNote: string;
}

/** Stops in route order (by position), joined with their participants. */
export function stopRows(stops: readonly RouteStop[], people: ReadonlyMap<string, Participant>): StopRow[] {
  return [...stops]
    .filter((s) => !s.deleted)
    .sort((a, b) => a.position - b.position)
    .map((stop) => {
      const person = people.get(stop.participantId);
      const own = stop.pickupAddress.trim();
      return {
        id: stop.id,
        time: stop.plannedTime,
        name: person ? fullName(person) : null,
        address: own !== '' ? own : person ? formatAddress(person.address) : '',
        mobilityAid: person && person.transport.mobilityAid !== 'none' ? person.transport.mobilityAid : null,
        driverNote: person?.transport.driverNote ?? '',
      };
    });
}
