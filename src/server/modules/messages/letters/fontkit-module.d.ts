// fontkit 2 (pdfmake's font engine, through pdfkit) ships no types; the letters only open a font from a buffer.
declare module 'fontkit' {
  export function create(buffer: Buffer, postscriptName?: string): unknown;
}
