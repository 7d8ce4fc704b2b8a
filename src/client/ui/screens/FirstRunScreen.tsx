/**
 * The first page on a server with no organization yet: what Obecni is, in two sentences, the
 * one-time setup code the server printed at start, and two ways to start: load the demo centre,
 * or create your own organization.
 */
import type { SetupStatus } from '../../../protocol';
import { useT } from '../../i18n';
import { StandaloneLayout } from '../shell/StandaloneLayout';
import { DemoCard } from './first-run/DemoCard';
import { SetupCodeCard } from './first-run/SetupCodeCard';
import { SetupForm } from './first-run/SetupForm';
import { useSetupCode } from './first-run/useSetupCode';

/** Welcome, the demo choice and the setup form. */
export function FirstRunScreen({ status }: { status: SetupStatus }) {
  const t = useT();
  const code = useSetupCode();
  return (
    <StandaloneLayout>
      <div class="first-run">
        <div class="first-run__intro">
          <h1>{t('firstRun.title')}</h1>
          <p class="lead">{t('firstRun.intro1')}</p>
          <p class="lead">{t('firstRun.intro2')}</p>
        </div>
        <SetupCodeCard code={code} />
        <div class="first-run__choices">
          <DemoCard available={status.demoAvailable} code={code} />
          <SetupForm code={code} />
        </div>
      </div>
    </StandaloneLayout>
  );
}
