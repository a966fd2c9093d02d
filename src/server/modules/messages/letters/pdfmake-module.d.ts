// The parts of pdfmake 0.3 (server build, plain JavaScript) the letters use; the package ships no types.
declare module 'pdfmake' {
  export type FontFiles = { normal: string; bold?: string; italics?: string; bolditalics?: string };
  export interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  export interface PdfMake {
    localAccessPolicy: ((path: string) => boolean) | undefined;
    virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
    addFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    createPdf(definition: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
