import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, lstat, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * Copies a directory tree. A file that disappears while we copy (a temporary file of a running server) is
 * skipped, as pg_basebackup does: the WAL replayed on restore makes the copy consistent.
 */
export async function copyTree(
  from: string,
  to: string,
  options: { skip?: (relativePath: string, isDirectory: boolean) => boolean } = {},
  relative = '',
): Promise<number> {
  await mkdir(path.join(to, relative), { recursive: true, mode: 0o700 });
  let copied = 0;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(path.join(from, relative), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  for (const entry of entries) {
    const name = path.join(relative, entry.name);
    if (options.skip?.(name, entry.isDirectory())) continue;
    if (entry.isDirectory()) {
      copied += await copyTree(from, to, options, name);
    } else if (entry.isFile()) {
      try {
        await copyFile(path.join(from, name), path.join(to, name));
        copied += 1;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  return copied;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every regular file below `root`, as paths relative to it with forward slashes, sorted. */
export async function listFiles(root: string, relative = ''): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(path.join(root, relative), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(root, name)));
    else if (entry.isFile()) files.push(name);
  }
  return files.sort();
}

export async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await lstat(target)).isDirectory();
  } catch {
    return false;
  }
}
