/** Hooks over the session signals: who is signed in on this device, and whether the server is set up. */
import type { SetupStatus } from '../../protocol';
import { runtime } from './runtime';
import type { LocalSession, QueryResult } from './types';

export function useLocalSession(): QueryResult<LocalSession | null> {
  return runtime.session.value;
}

export function useSetupStatus(): QueryResult<SetupStatus> {
  return runtime.setup.value;
}
