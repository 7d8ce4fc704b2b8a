/**
 * The root component: decides between the first-run page (no organization on the server yet),
 * the login page (no session on this device), the idle lock and the signed-in app.
 */
import { useLocalSession, useLock, useSetupStatus } from '../state';
import { errorKey } from './error-message';
import { LockScreen } from './screens/LockScreen';
import { LoginScreen } from './screens/LoginScreen';
import { StartingScreen } from './screens/StartingScreen';
import { LazyScreen } from './shell/LazyScreen';
import { Shell } from './shell/Shell';

/** The first-run page is seen once per server, so it loads on demand (not in the first-load bundle). */
const loadFirstRun = () => import('./screens/FirstRunScreen').then((m) => m.FirstRunScreen);

/** Obecni. */
export function App() {
  const session = useLocalSession();
  const setup = useSetupStatus();
  const lock = useLock();
  // Locked: the app itself is not rendered, so nothing of the previous screen can be read.
  if (session.data && lock.locked) return <LockScreen />;
  if (session.data) return <Shell session={session.data} />;
  if (session.error) return <StartingScreen problem={errorKey(session.error)} />;
  if (session.data === undefined) return <StartingScreen />;
  if (setup.data?.initialized === false) return <LazyScreen load={loadFirstRun} props={{ status: setup.data }} />;
  if (setup.data?.initialized === true) return <LoginScreen />;
  if (setup.error) return <StartingScreen problem="app.setupStatusError" />;
  return <StartingScreen />;
}
