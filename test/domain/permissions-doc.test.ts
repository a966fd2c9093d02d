import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  PERMISSIONS_DOC_PATH,
  renderPermissionsDocument,
  renderPermissionTables,
} from '../../scripts/generate-permissions-doc.ts';

const document = readFileSync(PERMISSIONS_DOC_PATH, 'utf8');

describe('docs/permissions.md', () => {
  test('is exactly what the generator renders from src/domain/permissions.ts (run `npm run docs:permissions`)', () => {
    expect(document).toBe(renderPermissionsDocument(document));
  });

  test('contains every generated table between its markers', () => {
    for (const [name, table] of Object.entries(renderPermissionTables())) {
      expect(document).toContain(
        `<!-- generated:${name}:start -->\n${table}\n<!-- generated:${name}:end -->`,
      );
    }
  });

  test('a hand-edited cell is put back by the generator, the text around it is kept', () => {
    const tampered = document.replace(
      '| Klacht inzien / view the complaint | ja |',
      '| Klacht inzien / view the complaint | nee |',
    );
    expect(tampered).not.toBe(document);
    const rendered = renderPermissionsDocument(tampered);
    expect(rendered).toBe(document);
  });

  test('refuses a document without the markers instead of silently dropping tables', () => {
    const withoutMarkers = document.replace('<!-- generated:token-scopes:start -->', '');
    expect(() => renderPermissionsDocument(withoutMarkers)).toThrow(/generated:token-scopes/);
  });
});
