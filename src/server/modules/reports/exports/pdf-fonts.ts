import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadOnce } from '../../../load-once.ts';

export const REPORT_FONT = 'GehoordReport';
const FONT = REPORT_FONT;

/** pdfmake with the report font registered; loaded on the first PDF a process renders. */
export const loadReportPdfmake = loadOnce(async () => {
  const pdfmake = (await import('pdfmake')).default;
  const fontDir = path.join(
    path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
    'fonts/Roboto',
  );
  const files = {
    normal: 'Roboto-Regular.ttf',
    bold: 'Roboto-Medium.ttf',
    italics: 'Roboto-Italic.ttf',
    bolditalics: 'Roboto-MediumItalic.ttf',
  };
  // The font files go into pdfmake's virtual file system under their absolute path: the text is set from
  // there whatever access policy others set, and the charts' SVG text (which pdfmake hands straight to
  // PDFKit by file name) finds the same installed file.
  const fonts: Record<string, string> = {};
  for (const [style, file] of Object.entries(files)) {
    const absolute = path.join(fontDir, file);
    pdfmake.virtualfs.writeFileSync(absolute, readFileSync(absolute));
    fonts[style] = absolute;
  }
  pdfmake.addFonts({ [FONT]: fonts as { normal: string } });
  pdfmake.setUrlAccessPolicy(() => false);
  if (pdfmake.localAccessPolicy === undefined) pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake;
});
