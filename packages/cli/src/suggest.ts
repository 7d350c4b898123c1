// "Did you mean …?" for mistyped commands, flags and enum values.
import { distance } from "fastest-levenshtein";

/** The candidates close to `input` (edit distance, or one containing the other), best first, at most 3. */
export function suggest(input: string, candidates: Iterable<string>): string[] {
  const typed = input.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase();
    const edits = distance(typed, lower);
    const tolerance = Math.max(2, Math.floor(Math.max(typed.length, lower.length) / 3));
    // `list` → `instances/list`: a whole segment typed alone is a good hint too.
    const containsSegment = typed.length >= 3 && lower.split(/[/-]/).includes(typed);
    if (edits <= tolerance || containsSegment) scored.push([candidate, containsSegment ? Math.min(edits, 1) : edits]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([candidate]) => candidate);
}

/** " Did you mean --page-size?" or "" when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>, prefix = ""): string {
  const close = suggest(input, candidates);
  if (!close.length) return "";
  return ` Did you mean ${close.map((c) => `${prefix}${c}`).join(" or ")}?`;
}
