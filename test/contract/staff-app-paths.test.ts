import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isStaffAppPath, STAFF_APP_SECTIONS } from '../../src/contract/staff-app-paths.ts';

const routes = readFileSync(path.join(import.meta.dirname, '../../src/web/app/AppRoutes.tsx'), 'utf8');
const enrollPath = readFileSync(
  path.join(import.meta.dirname, '../../src/web/features/auth/RequireStaff.tsx'),
  'utf8',
);

describe('the staff app’s sections, known to the server', () => {
  test('every top-level route of the staff app is in the list, and nothing else', () => {
    const sections = new Set(
      [...routes.matchAll(/path="\/([^/"]+)/g), ...enrollPath.matchAll(/_PATH = '\/([^/']+)/g)].map(
        (match) => match[1],
      ),
    );
    expect([...sections].sort()).toEqual([...STAFF_APP_SECTIONS].sort());
  });

  test.each([
    ['/werk', true],
    ['/klachten/123', true],
    ['/beheer/portaal', true],
    ['/account/tweestapsverificatie', true],
    ['/', false],
    ['/klacht', false],
    ['/klacht/status/abc', false],
    ['/werkplaats', false],
    ['/assets/index-abc.js', false],
  ])('%s belongs to the staff app: %s', (pathname, expected) => {
    expect(isStaffAppPath(pathname)).toBe(expected);
  });
});
