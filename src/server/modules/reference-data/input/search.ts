const MAX_WORDS = 8;

/** The words of a search box; each must match somewhere (trigram indexes serve the ILIKEs). */
export function searchWords(search: string | undefined): string[] {
  if (!search) return [];
  return search.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
}
