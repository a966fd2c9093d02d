import path from 'node:path';

const MAX_NAME_LENGTH = 200;
// Control characters, bidirectional overrides (which can disguise `gpj.exe` as `exe.jpg`) and characters
// that Windows or a shell would read as syntax.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose of this pattern
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;

/** The uploaded name without folders or dangerous characters; it is shown and offered on download, never used as a path. */
export function sanitizeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE, '_').trim().replace(/^\.+/, '');
  if (cleaned === '' || /^_+$/.test(cleaned)) return 'bijlage';
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const extension = path.extname(cleaned).slice(0, 20);
  return cleaned.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

const EXTENSIONS: Record<string, readonly string[]> = {
  'image/jpeg': ['.jpg', '.jpeg', '.jfif'],
  'image/png': ['.png'],
  'image/heic': ['.heic'],
  'image/heif': ['.heif', '.heic'],
  'image/webp': ['.webp'],
  'image/gif': ['.gif'],
  'application/pdf': ['.pdf'],
  'message/rfc822': ['.eml'],
  'text/plain': ['.txt', '.text', '.log', '.csv'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
};

/** The download name: as uploaded, with the extension of the real type appended when the name claims another. */
export function downloadName(fileName: string, mediaType: string): string {
  const fitting = EXTENSIONS[mediaType];
  if (fitting === undefined || fitting.includes(path.extname(fileName).toLowerCase())) return fileName;
  return `${fileName}${fitting[0]}`;
}

/** RFC 6266: `attachment` with an ASCII fallback and the exact name in UTF-8 (RFC 8187). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
