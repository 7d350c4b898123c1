// Reads what Prism says about one exchange: the `sl-violations` header it adds to every response,
// and the problem+json bodies it answers with when `--errors` makes it reject a request or response.

export interface Violation {
  /** "request" or "response": which side of the exchange broke the spec. */
  side: "request" | "response";
  /** Where, e.g. "body.id" or "query.status" (empty for the exchange as a whole). */
  where: string;
  /** Prism's severity: Error, Warning, … */
  severity: string;
  message: string;
}

interface PrismValidation {
  location?: string[];
  severity?: string;
  message?: string;
}

interface PrismProblem {
  type?: string;
  title?: string;
  detail?: string;
  validation?: PrismValidation[];
}

/** The type URL prefix of every problem Prism generates itself (as opposed to the spec's examples). */
const PRISM_PROBLEM = "https://stoplight.io/prism/errors#";

function fromValidation(entry: PrismValidation, defaultSide: Violation["side"]): Violation {
  const location = [...(entry.location ?? [])];
  // The header says ["request","body","id"]; a 422 problem says ["body","id"] (always the request).
  const side = location[0] === "request" || location[0] === "response" ? (location.shift() as Violation["side"]) : defaultSide;
  return { side, where: location.join("."), severity: entry.severity ?? "Error", message: entry.message ?? "violation" };
}

/** Violations listed in a response's `sl-violations` header. */
export function violationsFromHeader(header: string | null | undefined): Violation[] {
  if (!header) return [];
  try {
    const entries = JSON.parse(header) as PrismValidation[];
    return Array.isArray(entries) ? entries.map((entry) => fromValidation(entry, "response")) : [];
  } catch {
    return [{ side: "response", where: "", severity: "Error", message: `unreadable sl-violations header: ${header}` }];
  }
}

/**
 * Violations in a problem+json body Prism generated (422 invalid request, 500 invalid response,
 * 404 no such route, 401 missing credentials, 405 method not allowed …); [] for any other body.
 */
export function violationsFromProblem(contentType: string | null | undefined, body: string): Violation[] {
  if (!contentType?.includes("problem+json")) return [];
  let problem: PrismProblem;
  try {
    problem = JSON.parse(body) as PrismProblem;
  } catch {
    return [];
  }
  if (!problem.type?.startsWith(PRISM_PROBLEM)) return [];
  const kind = problem.type.slice(PRISM_PROBLEM.length);
  const side: Violation["side"] = kind === "VIOLATIONS" ? "response" : "request";
  if (problem.validation?.length) return problem.validation.map((entry) => fromValidation(entry, side));
  return [{ side, where: "", severity: "Error", message: `${problem.title ?? kind}: ${problem.detail ?? ""}`.trim() }];
}

/** Everything Prism reported for one exchange, without the duplicates the header and body share. */
export function collectViolations(headers: Headers, body: string): Violation[] {
  const all = [...violationsFromHeader(headers.get("sl-violations")), ...violationsFromProblem(headers.get("content-type"), body)];
  const seen = new Set<string>();
  return all.filter((violation) => {
    const key = `${violation.side}|${violation.where}|${violation.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line per violation, e.g. `response body.id: Response body property id must be string`. */
export const describeViolation = (violation: Violation): string =>
  `${violation.side}${violation.where ? ` ${violation.where}` : ""}: ${violation.message}` +
  (violation.severity === "Error" ? "" : ` (${violation.severity.toLowerCase()})`);
