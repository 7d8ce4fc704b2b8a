/**
 * `npm run demo`: loads the demo centre into the configured database (DATA_DIR or DATABASE_URL)
 * and prints the demo logins. Refuses when the database already holds an organization.
 */
import { EX_CONFIG, loadCliConfig } from './config';
import { errorCode } from './logger';
import { loadDemo } from './setup/demo';
import { describeStore, openStore } from './store';

async function main(): Promise<number> {
  const config = loadCliConfig(process.env);
  if (!config) return EX_CONFIG;
  const store = await openStore(config);
  try {
    const result = await loadDemo(store, { nowMs: Date.now() });
    if (!result) {
      console.error(`Obecni: baza (${describeStore(config)}) nie jest pusta; demo nie zostało wczytane. / The database is not empty; the demo was not loaded.`);
      return 1;
    }
    console.log(`Obecni: wczytano demo (${result.records} rekordów) do ${describeStore(config)}. / Demo loaded.`);
    console.log(`Hasło do wszystkich kont / password of every account: ${result.password}`);
    for (const a of result.accounts) console.log(`  ${a.login.padEnd(14)} ${a.role.padEnd(14)} ${a.displayName}`);
    return 0;
  } finally {
    await store.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(`Obecni: błąd wczytywania demo / demo load failed: ${errorCode(error)}`);
  process.exit(1);
});
