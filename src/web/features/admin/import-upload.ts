import { type ImportKind, type ImportResult, importResult } from '../../../contract/imports.ts';
import { ApiError, type LocalizedText, toApiError } from '../../lib/api-client.ts';

export type UploadProgress = { phase: 'uploading'; fraction: number } | { phase: 'processing' };

const networkError: LocalizedText = {
  nl: 'Het bestand kon niet worden verstuurd. Controleer uw verbinding en probeer het opnieuw.',
  en: 'The file could not be sent. Check your connection and try again.',
};

/**
 * Sends the CSV file as it is (text/csv) and reports upload progress. XMLHttpRequest rather than fetch: only it
 * reports how much of a large export has been sent. Errors become the same ApiError the API client gives.
 */
export function uploadImport(
  kind: ImportKind,
  file: File,
  dryRun: boolean,
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/${kind}?dryRun=${dryRun}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'uploading', fraction: event.loaded / event.total });
    };
    // Sent: the server now validates every row (and writes, unless this is a dry run).
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error', messages: networkError }));
    xhr.onload = async () => {
      const headers = new Headers();
      const type = xhr.getResponseHeader('content-type');
      if (type) headers.set('content-type', type);
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers,
      });
      if (!response.ok) {
        reject(await toApiError(response));
        return;
      }
      const parsed = importResult.safeParse(await response.json().catch(() => null));
      if (parsed.success) resolve(parsed.data);
      else reject(await toApiError(new Response(null, { status: 502 })));
    };
    xhr.send(file);
  });
}

export type RowProblem = { line: number; column: string; messages: LocalizedText };

/**
 * The API reports `line.<n>.<column>`, or `line.<n>` for a problem of the whole line (too many fields); anything
 * else (a missing column) is line 1, the header. Every problem is kept, several per line included.
 */
export function rowProblems(error: ApiError): RowProblem[] {
  return error.fieldErrors.map((field) => {
    const match = /^line\.(\d+)(?:\.(.+))?$/.exec(field.path);
    return match
      ? { line: Number(match[1]), column: match[2] ?? '', messages: field.messages }
      : { line: 1, column: field.path, messages: field.messages };
  });
}

const csvCell = (value: string | number) => {
  const text = String(value);
  // quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";,\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The problems as a CSV file (semicolons, as Dutch Excel opens it): line, column, Dutch and English message. */
export function problemsCsv(problems: RowProblem[], header: readonly string[]): string {
  const rows = problems.map((p) => [p.line, p.column, p.messages.nl, p.messages.en].map(csvCell).join(';'));
  return `\uFEFF${[header.map(csvCell).join(';'), ...rows].join('\r\n')}\r\n`;
}
