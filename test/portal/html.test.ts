import { describe, expect, test } from 'vitest';
import { redactUrl } from '../../src/server/http/log-redaction.ts';
import { contrastWithWhite, usableBrandColour } from '../../src/server/modules/portal/views/brand.ts';
import { escapeHtml, html, multiline, raw } from '../../src/server/modules/portal/views/html.ts';

describe('the html template tag', () => {
  test('escapes every interpolated string, in text and in attributes', () => {
    const evil = `<img src=x onerror="alert('1')">&\``;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;&#96;">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;&#96;</p>',
    );
    expect(escapeHtml('a & b')).toBe('a &amp; b');
  });

  test('nests fragments without escaping them twice, joins arrays, skips empty values', () => {
    const items = ['<a>', 'b'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe(
      '<ul><li>&lt;a&gt;</li><li>b</li></ul>0',
    );
    expect(html`${raw('<br>')}`.value).toBe('<br>');
    expect(html`${'<br>'}`.value).toBe('&lt;br&gt;');
  });

  test('multiline keeps line breaks but nothing else', () => {
    expect(multiline('een\n<b>twee</b>\r\ndrie').value).toBe('een<br>&lt;b&gt;twee&lt;/b&gt;<br>drie');
  });
});

describe('log redaction of status links', () => {
  test('whatever follows /status/ is replaced, the rest of the URL stays', () => {
    expect(redactUrl('/klacht/status/abcDEF_-123/bericht?sent=1')).toBe(
      '/klacht/status/[redacted]/bericht?sent=1',
    );
    expect(redactUrl('/complaint/status/xyz')).toBe('/complaint/status/[redacted]');
    expect(redactUrl('/api/complaints?status=new')).toBe('/api/complaints?status=new');
  });
});

describe('brand colour', () => {
  test('a colour too light for white text falls back to the default', () => {
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1);
    expect(contrastWithWhite('#000000')).toBeCloseTo(21);
    expect(usableBrandColour('#004488')).toBe('#004488');
    expect(usableBrandColour('#ffcc00')).toBe('#1f4e8c');
    expect(usableBrandColour(null)).toBe('#1f4e8c');
  });
});
