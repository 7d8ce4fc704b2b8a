/**
 * The first page on a server with no organization yet: what Obecni is, in two sentences, and two
 * ways to start: load the demo centre, or create your own organization.
 */
import type { SetupStatus } from '../../../protocol';
import { useT } from '../../i18n';
import { StandaloneLayout } from '../shell/StandaloneLayout';
import { DemoCard } from './first-run/DemoCard';
import { SetupForm } from './first-run/SetupForm';

/** Welcome, the demo choice and the setup form. */
export function FirstRunScreen({ status }: { status: SetupStatus }) {
  const t = useT();
  return (
    <StandaloneLayout>
      <div class="first-run">
        <div class="first-run__intro">
          <h1>{t('firstRun.title')}</h1>
          <p class="lead">{t('firstRun.intro1')}</p>
          <p class="lead">{t('firstRun.intro2')}</p>
        </div>
        <div class="first-run__choices">
          <DemoCard available={status.demoAvailable} />
          <SetupForm />
        </div>
      </div>
    </StandaloneLayout>
  );
}
