/**
 * The accounts contract of the store: user accounts, their sign-in failures, and the devices they
 * signed in on (found by the hash of the device token, never the token itself). Creating an
 * organization, an account or a device happens inside a transaction (`AccountTx`), together with
 * its audit entry and, on first run, the first records.
 */

export interface UserRow {
  organizationId: string;
  id: string;
  login: string;
  displayName: string;
  passwordHash: string;
  roles: string[];
  unitIds: string[];
  failedLogins: number;
  lockedUntilMs: number | null;
  disabled: boolean;
  createdAtMs: number;
  /** Grows each time the account's roles or units change (devices then resync in full). */
  scopeEpoch: number;
  /** The TOTP secret (base32) once enrolment started; sign-in asks for a code only when `totpEnabled`. */
  totpSecret: string | null;
  totpEnabled: boolean;
}

export type NewUser = Omit<UserRow, 'failedLogins' | 'lockedUntilMs' | 'disabled' | 'scopeEpoch' | 'totpSecret' | 'totpEnabled'>;

export interface NewDevice { organizationId: string; id: string; userId: string; name: string; tokenHash: string; createdAtMs: number }

/** A device as the administrator sees it (never its token). */
export interface DeviceRow {
  id: string; userId: string; name: string; createdAtMs: number; lastSeenAtMs: number | null; revokedAtMs: number | null;
  /** The device's own report at its last sync: changes waiting on it and its last successful sync. */
  pendingChanges: number | null; lastSyncAtMs: number | null;
}

/** A signed-in device and its user, found by the hash of its bearer token. */
export interface SessionRow {
  organizationId: string;
  deviceId: string;
  deviceName: string;
  /** When the device signed in (its absolute expiry counts from here). */
  deviceCreatedAtMs: number;
  lastSeenAtMs: number | null;
  /** When a password change signed the device out (it must sign in again), or null. */
  signedOutAtMs: number | null;
  /** The user's scope epoch at the device's last full pull (-1: none yet). */
  deviceScopeEpoch: number;
  user: UserRow;
}

/** The account writes that go with other writes in one transaction. */
export interface AccountTx {
  createOrganization(org: { id: string; name: string; createdAtMs: number }): Promise<void>;
  createUser(user: NewUser): Promise<void>;
  createDevice(device: NewDevice): Promise<void>;
}

/** How many sign-in attempts a key gets at once, and how it is slowed down after them. */
export interface SignInPolicy { free: number; baseDelayMs: number; maxDelayMs: number; windowMs: number }

/** Accounts, sign-in attempts and devices. */
export interface AccountStore {
  findUserByLogin(login: string): Promise<UserRow | null>;
  /**
   * Reserves one sign-in attempt under `key` in one atomic statement, or refuses it with the time
   * it may be retried. The first `policy.free` attempts of a window go at once; attempt n past
   * them makes the next wait `baseDelayMs * 2^(n - free)` (at most `maxDelayMs`); a key left alone
   * for `windowMs` starts again from zero.
   */
  reserveSignInAttempt(key: string, policy: SignInPolicy, nowMs: number): Promise<{ reserved: true } | { reserved: false; retryAtMs: number }>;
  /** After a successful sign-in: `clear` forgets the key, `giveBack` returns the one attempt reserved. */
  releaseSignInAttempt(key: string, how: 'clear' | 'giveBack'): Promise<void>;
  /** The organization's accounts, by login. */
  listUsers(organizationId: string): Promise<UserRow[]>;
  /** Changes an account: roles, units, display name, disabled, or a new password hash. A change of roles or units raises its scope epoch. */
  updateUser(organizationId: string, userId: string, patch: Partial<Pick<UserRow, 'roles' | 'unitIds' | 'displayName' | 'disabled' | 'passwordHash'>>): Promise<boolean>;

  /** Sets the second factor: a new secret (not yet enabled), enabled with its recovery code hashes, or none. */
  setSecondFactor(organizationId: string, userId: string, factor: { secret: string | null; enabled: boolean; recoveryCodeHashes: string[] }): Promise<void>;
  /** Accepts the TOTP step `step` once: false when it (or a later one) was already used. */
  useTotpStep(organizationId: string, userId: string, step: number): Promise<boolean>;
  /** Removes the unused recovery code with this hash: false when there is none. */
  useRecoveryCode(organizationId: string, userId: string, codeHash: string): Promise<boolean>;
  /** How many unused recovery codes the user has left. */
  recoveryCodesLeft(organizationId: string, userId: string): Promise<number>;

  /** The live (not revoked, user not disabled) device with this token hash. */
  findSession(tokenHash: string): Promise<SessionRow | null>;
  /** The live (not revoked, user not disabled) device `deviceId` of the organization (for access tokens). */
  findSessionByDevice(organizationId: string, deviceId: string): Promise<SessionRow | null>;
  /**
   * Why a known device is refused (issue 14.5): revoked, or its account disabled; null for an
   * unknown token or device (which stays a plain `unauthorized`).
   */
  deviceRefusal(where: { tokenHash: string } | { organizationId: string; deviceId: string }): Promise<'deviceRevoked' | 'accountDisabled' | null>;
  /** Records that the device was seen now (written at most once a minute: it is informative). */
  touchDevice(organizationId: string, deviceId: string, nowMs: number): Promise<void>;
  revokeDevice(organizationId: string, deviceId: string, nowMs: number): Promise<void>;
  /**
   * Signs out every live device of the user but `exceptDeviceId` (a password change or reset): they
   * are still found, with `signedOutAtMs` set, and are refused as expired. Returns how many.
   */
  signOutUserDevices(organizationId: string, userId: string, nowMs: number, exceptDeviceId: string | null): Promise<number>;
  /** Stores what the device reported about itself at a sync (changes waiting, last sync). */
  reportDeviceState(organizationId: string, deviceId: string, state: { pending: number; lastSyncAtMs: number | null }): Promise<void>;
  /** Records that the device has pulled in full under the user's scope epoch `epoch`. */
  setDeviceScopeEpoch(organizationId: string, deviceId: string, epoch: number): Promise<void>;
  /** The organization's devices, newest first. */
  listDevices(organizationId: string): Promise<DeviceRow[]>;
  /** Display names of the organization's users and names of its devices, by id (for the history screen). */
  directory(organizationId: string): Promise<{ users: Map<string, string>; devices: Map<string, string> }>;
}
