// Where the panel sends: the simulator in this page (default; shared by every operation of the page,
// judged when ./judge.ts has a judge), or a server the reader names with their token. The token lives
// in this module's memory only: never stored, logged, shown, nor put in the page's URL.
import type { ApiModel, Json } from "@repo/model";
import { assembleMock } from "@repo/mock-server/browser";
import { judged, pageJudge } from "./judge.js";

/** A request as the samples build it, the credential still the placeholder. */
export interface Outgoing {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  /** Text, or an upload: a file (a body of bytes) or a multipart form. */
  body: string | Blob | FormData | undefined;
}

export interface Violation {
  side: string;
  where: string;
  severity: string;
  message: string;
}

export interface Answer {
  status: number;
  headers: Array<[string, string]>;
  /** The body as text (a binary one: its size). */
  body: string;
  contentType: string;
  ms: number;
  /** The exchange's violations; null when nothing judged it. */
  violations: Violation[] | null;
}

/** The value the simulator receives as the credential (it checks presence, not the value). */
export const SIMULATOR_TOKEN = "simulator-token";

export interface Target {
  kind: "simulator" | "server";
  /** The base URL the samples show (the API's own for the simulator). */
  baseUrl: string | null;
  token: string;
}

type Mock = ReturnType<typeof assembleMock>;

export class Targets {
  #mock: Mock | undefined;
  /** The reader's choice, shared by every operation of the page. */
  current: Target = { kind: "simulator", baseUrl: null, token: "" };

  constructor(
    private readonly spec: Json,
    private readonly model: ApiModel,
  ) {}

  get mock(): Mock {
    return (this.#mock ??= assembleMock(this.spec, this.model as never, { judge: pageJudge(this.spec) }));
  }

  /**
   * The key of an item the simulator holds, for an operation on one item of `resource` (its `get`,
   * `update`, `delete`, actions): the spec's example key when the simulator has it, else its oldest item's
   * (the seed's, which Reset keeps; created items come first).
   * Undefined for a server target or an empty resource.
   */
  storedKey(resource: string, example: unknown): unknown {
    if (this.current.kind !== "simulator") return undefined;
    const info = this.model.resources[resource];
    if (!info) return undefined;
    const keys = this.mock.engine.items(resource).map((item) => item[info.keyField]);
    return keys.some((key) => String(key) === String(example)) ? example : keys.at(-1);
  }

  /** The simulator back to the spec's seed. */
  reset(): void {
    this.#mock?.reset();
  }

  /** The token of the current target, for the credential's placeholder. */
  token(): string {
    return this.current.kind === "simulator" ? SIMULATOR_TOKEN : this.current.token;
  }

  async send(request: Outgoing): Promise<Answer> {
    const started = performance.now();
    const simulator = this.current.kind === "simulator";
    const fetch = simulator ? this.mock.fetch : globalThis.fetch.bind(globalThis);
    const before = simulator ? this.mock.requests.length : 0;
    const response = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
    const contentType = response.headers.get("content-type") ?? "";
    const binary = contentType !== "" && !/json|text|xml|yaml|csv|javascript/i.test(contentType);
    const body = binary ? `(${(await response.arrayBuffer()).byteLength} bytes of ${contentType})` : await response.text();
    const ms = performance.now() - started;
    const headers: Array<[string, string]> = [];
    response.headers.forEach((value, name) => headers.push([name, value]));
    const exchange = simulator ? this.mock.requests.slice(before).at(-1) : undefined;
    return { status: response.status, headers, body, contentType, ms, violations: simulator && judged ? (exchange?.violations ?? []) : null };
  }
}
