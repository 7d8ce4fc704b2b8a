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
}

/** Hono's environment type for the Obecni app. */
export type AppEnv = { Variables: { auth: AuthContext } };
