// The parameter form of one operation: a typed input per path, query and header parameter (enums as
// selects, required marked), prefilled from the spec's examples, read back as the SDK's params.
import type { JsonSchema, ModelOperation, ModelParameter } from "@repo/model";

type Kind = "string" | "integer" | "number" | "boolean" | "array" | "object";

/** The JSON type of a schema (`["string", "null"]` is a string). */
function kindOf(schema: JsonSchema): Kind {
  const type = schema.type;
  const first = Array.isArray(type) ? type.find((t) => t !== "null") : type;
  return (["string", "integer", "number", "boolean", "array", "object"].includes(String(first)) ? first : "string") as Kind;
}

const FORM_LOCATIONS = ["path", "query", "header"] as const;

/** The parameters the form offers: path, query and header (cookies are the credential's business). */
export const formParameters = (op: ModelOperation): ModelParameter[] => op.parameters.filter((p) => (FORM_LOCATIONS as readonly string[]).includes(p.in));

function shown(value: unknown, kind: Kind): string {
  if (value === undefined || value === null) return "";
  if (kind === "array" && Array.isArray(value) && value.every((item) => typeof item !== "object")) return value.join(",");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function scalar(text: string, kind: Kind): unknown {
  if (kind === "integer" || kind === "number") return text.trim() === "" || Number.isNaN(Number(text)) ? text : Number(text);
  if (kind === "boolean") return text === "true" ? true : text === "false" ? false : text;
  return text;
}

/** One parameter's input: a select for an enum or a boolean, a number input, else text. */
function inputOf(param: ModelParameter, value: unknown): HTMLInputElement | HTMLSelectElement {
  const kind = kindOf(param.schema);
  const options = Array.isArray(param.schema.enum) ? param.schema.enum.map(String) : kind === "boolean" ? ["true", "false"] : null;
  let input: HTMLInputElement | HTMLSelectElement;
  if (options) {
    input = document.createElement("select");
    for (const option of ["", ...options]) input.append(new Option(option || "(not sent)", option));
  } else {
    input = document.createElement("input");
    input.type = kind === "integer" || kind === "number" ? "number" : "text";
    if (kind === "integer") input.step = "1";
    if (kind === "array") input.placeholder = "comma-separated";
    if (kind === "object") input.placeholder = "JSON";
  }
  input.name = param.name;
  input.dataset.param = param.name;
  input.dataset.in = param.in;
  input.required = param.required;
  input.value = shown(value, kind);
  return input;
}

export interface ParamForm {
  readonly element: HTMLElement;
  /** The typed values, by parameter name (the SDK's params); empty inputs are left out. */
  values(): Record<string, unknown>;
}

export function paramForm(op: ModelOperation, prefill: Record<string, unknown>): ParamForm {
  const element = document.createElement("div");
  element.className = "tryit-params";
  const inputs: Array<[ModelParameter, HTMLInputElement | HTMLSelectElement]> = [];
  for (const where of FORM_LOCATIONS) {
    const params = formParameters(op).filter((p) => p.in === where);
    if (!params.length) continue;
    const fieldset = document.createElement("fieldset");
    fieldset.append(Object.assign(document.createElement("legend"), { textContent: `${where} parameters` }));
    for (const param of params) {
      const input = inputOf(param, prefill[param.name]);
      inputs.push([param, input]);
      const label = document.createElement("label");
      const name = Object.assign(document.createElement("span"), { className: "tryit-name", textContent: param.name });
      if (param.required) name.append(Object.assign(document.createElement("abbr"), { className: "tryit-required", title: "required", textContent: " *" }));
      label.title = param.description;
      label.append(name, Object.assign(document.createElement("small"), { textContent: kindOf(param.schema) }), input);
      fieldset.append(label);
    }
    element.append(fieldset);
  }
  return {
    element,
    values() {
      const values: Record<string, unknown> = {};
      for (const [param, input] of inputs) {
        if (input.value === "") continue;
        const kind = kindOf(param.schema);
        if (kind === "array") {
          const items = kindOf((param.schema.items ?? {}) as JsonSchema);
          values[param.name] = input.value.split(",").map((item) => scalar(item.trim(), items));
        } else if (kind === "object") {
          try {
            values[param.name] = JSON.parse(input.value);
          } catch {
            values[param.name] = input.value;
          }
        } else values[param.name] = scalar(input.value, kind);
      }
      return values;
    },
  };
}
