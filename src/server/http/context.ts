/** The per-request values the middleware hands to routes: who is calling, from which device. */

/** The signed-in caller, resolved from the bearer token. */
export interface AuthContext {
  organizationId: string;
  userId: string;
  deviceId: string;
  login: string;
  displayName: string;
  roles: string[];
  unitIds: string[];
  /** The epoch of the user's roles and units (grows when an administrator changes them). */
  scopeEpoch: number;
  /** The user's scope epoch at this device's last full pull (-1: none yet). */
  deviceScopeEpoch: number;
}

/** Hono's environment type for the Obecni app. */
export type AppEnv = { Variables: { auth: AuthContext } };
