import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  PERMISSIONS_DOC_PATH,
  PRIVACY_DOC_PATH,
  renderDataExitTable,
  renderPermissionsDocument,
  renderPermissionTables,
  renderPrivacyDocument,
} from '../../scripts/generate-permissions-doc.ts';
import { DATA_EXITS } from '../../src/domain/index.ts';

const document = readFileSync(PERMISSIONS_DOC_PATH, 'utf8');
const privacy = readFileSync(PRIVACY_DOC_PATH, 'utf8');

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

describe('the data exits in docs/permissions.md and docs/privacy.md (issue 20)', () => {
  test('docs/privacy.md is exactly what the generator renders (run `npm run docs:permissions`)', () => {
    expect(privacy).toBe(renderPrivacyDocument(privacy));
  });

  test('both documents carry the same generated table of exits', () => {
    const block = `<!-- generated:data-exits:start -->\n${renderDataExitTable()}\n<!-- generated:data-exits:end -->`;
    expect(document).toContain(block);
    expect(privacy).toContain(block);
  });

  test('a hand-edited exit is put back in docs/privacy.md', () => {
    const tampered = privacy.replace('`export`, `change_feed`', '`nothing`');
    expect(tampered).not.toBe(privacy);
    expect(renderPrivacyDocument(tampered)).toBe(privacy);
  });

  test('every exit has a unique id, both languages, a route, a rule and says whether it is logged', () => {
    expect(new Set(DATA_EXITS.map((e) => e.id)).size).toBe(DATA_EXITS.length);
    for (const exit of DATA_EXITS) {
      expect(
        exit.name.nl && exit.name.en && exit.hidden.nl && exit.hidden.en && exit.rule,
        exit.id,
      ).toBeTruthy();
      expect(exit.routes.length, exit.id).toBeGreaterThan(0);
      for (const route of exit.routes) expect(route, exit.id).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\//);
      expect(exit.accessLog === null || exit.accessLog.length > 0, exit.id).toBe(true);
    }
  });

  test('the exits the issue names are all there', () => {
    const ids = DATA_EXITS.map((e) => e.id);
    for (const id of [
      'detail',
      'lists',
      'drill_down',
      'report_exports',
      'complex_dossier',
      'committee_dossier',
      'subject_access',
      'answer_cc',
      'admin_outbox',
      'change_feed',
      'webhooks',
      'timeline',
      'links',
    ]) {
      expect(ids).toContain(id);
    }
  });
});
