/**
 * The root component: decides between the first-run page (no organization on the server yet),
 * the login page (no session on this device) and the signed-in app.
 */
import { useLocalSession, useSetupStatus } from '../state';
import { errorKey } from './error-message';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { LoginScreen } from './screens/LoginScreen';
import { StartingScreen } from './screens/StartingScreen';
import { Shell } from './shell/Shell';

/** Obecni. */
export function App() {
  const session = useLocalSession();
  const setup = useSetupStatus();
  if (session.data) return <Shell session={session.data} />;
  if (session.error) return <StartingScreen problem={errorKey(session.error)} />;
  if (session.data === undefined) return <StartingScreen />;
  if (setup.data?.initialized === false) return <FirstRunScreen status={setup.data} />;
  if (setup.data?.initialized === true) return <LoginScreen />;
  if (setup.error) return <StartingScreen problem="app.setupStatusError" />;
  return <StartingScreen />;
}
