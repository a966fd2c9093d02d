import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll } from 'vitest';
import { findFreePort } from './server-process.ts';

/** Whether Debian's dovecot-imapd is installed here (CI installs it; see .ci/run). */
export const dovecotAvailable = spawnSync('dovecot', ['--version'], { stdio: 'ignore' }).status === 0;

function primaryGroup(): string {
  return spawnSync('id', ['-gn'], { encoding: 'utf8' }).stdout.trim();
}

export type Dovecot = {
  url: string;
  user: string;
  password: string;
  /** Puts a raw message into a mailbox over IMAP (APPEND), as a delivering server would. */
  append(raw: string, mailbox?: string): Promise<void>;
  /** Subjects of the messages in a mailbox. */
  subjects(mailbox: string): Promise<string[]>;
  stop(): Promise<void>;
};

/**
 * A real IMAP server for one test file: dovecot with its own config, base_dir and maildir in a temporary
 * directory, listening on a free loopback port, one user with a password, no TLS (loopback only).
 */
export async function startDovecot(): Promise<Dovecot> {
  const root = await mkdtemp('/tmp/gehoord-dovecot-');
  await chmod(root, 0o755); // the mail processes run as an unprivileged user and must reach the maildir
  const port = await findFreePort();
  const asRoot = process.getuid?.() === 0;
  const me = userInfo();
  await mkdir(path.join(root, 'run'));
  await mkdir(path.join(root, 'state'));
  await mkdir(path.join(root, 'mail'));
  if (asRoot) await chown(path.join(root, 'mail'), 65534, 65534);
  const user = 'klachten';
  const password = 'test-wachtwoord';
  await writeFile(path.join(root, 'passwd'), `${user}:{PLAIN}${password}\n`);
  const identity = asRoot ? 'uid=nobody gid=nogroup' : `uid=${me.uid} gid=${me.gid}`;
  const config = `
protocols = imap
listen = 127.0.0.1
base_dir = ${root}/run
state_dir = ${root}/state
log_path = ${root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${root}/mail/%u
${asRoot ? '' : `default_internal_user = ${me.username}\ndefault_internal_group = ${primaryGroup()}\ndefault_login_user = ${me.username}\n`}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${root}/passwd
}
userdb {
  driver = static
  args = ${identity} home=${root}/mail/%u
}
# no chroot: an unprivileged dovecot (CI without root) may not chroot, and loopback tests need none
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
  const configFile = path.join(root, 'dovecot.conf');
  await writeFile(configFile, config);
  const child: ChildProcess = spawn('dovecot', ['-F', '-c', configFile], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));

  const connect = async () => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    await client.connect();
    return client;
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const probe = await connect();
      await probe.logout();
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        const log = await readFile(path.join(root, 'dovecot.log'), 'utf8').catch(() => '');
        throw new Error(`dovecot did not start: ${String(error)}\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const dovecot: Dovecot = {
    url: `imap://${user}:${password}@127.0.0.1:${port}`,
    user,
    password,
    async append(raw, mailbox = 'INBOX') {
      const client = await connect();
      try {
        await client.append(mailbox, raw);
      } finally {
        await client.logout();
      }
    },
    async subjects(mailbox) {
      const client = await connect();
      try {
        const list = await client.list();
        if (!list.some((m) => m.path === mailbox)) return [];
        const lock = await client.getMailboxLock(mailbox);
        try {
          if (client.mailbox === false || client.mailbox.exists === 0) return [];
          const subjects: string[] = [];
          for await (const m of client.fetch('1:*', { envelope: true }))
            subjects.push(m.envelope?.subject ?? '');
          return subjects;
        } finally {
          lock.release();
        }
      } finally {
        await client.logout();
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(root, { recursive: true, force: true });
    },
  };
  afterAll(() => dovecot.stop());
  return dovecot;
}
