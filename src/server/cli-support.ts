import { ConfigError, loadDotEnv, parseConfig } from './config.ts';

// What the command-line tools (`npm run import`, `seed`, `org`) share: how they stop and how they read settings.

/** Prints the message on stderr and exits with the code (1: failed, 2: wrong usage). */
export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** The settings from the environment and `.env`; a bad setting stops the tool with the reason. */
export function loadCliConfig(): ReturnType<typeof parseConfig> {
  try {
    loadDotEnv();
    return parseConfig(process.env, { stdoutIsTty: false });
  } catch (error) {
    if (error instanceof ConfigError) fail(`Gehoord cannot start. ${error.message}`);
    throw error;
  }
}
