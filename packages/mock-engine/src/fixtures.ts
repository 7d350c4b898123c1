// A user's fixtures (`startMock({ seed: { instances: [...] } })`) are checked against the spec's own
// schemas before the mock serves them, so a fixture can never make the mock break the spec.
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ResourceModel } from "./model.js";
import type { Json } from "./spec.js";

// Both are CommonJS modules whose `default` is the export itself; this works bundled and unbundled.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

export type Fixtures = Record<string, Array<Record<string, Json>>>;

/** A fixture the spec does not allow: names the resource, the index and the field. */
export class FixtureError extends Error {
  override name = "FixtureError";
}

/** Throws a FixtureError for the first fixture that is not an item of its resource; returns them otherwise. */
export function checkFixtures(doc: Json, resources: Record<string, ResourceModel>, fixtures: Fixtures): Fixtures {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  // the spec's components under the same pointers as in the bundle, so its `#/components/…` refs resolve
  ajv.addSchema({ $id: "mock-spec", components: doc.components ?? {} });
  for (const [name, items] of Object.entries(fixtures)) {
    const resource = resources[name];
    if (!resource) {
      throw new FixtureError(`seed.${name}: no such resource; the resources of this API are ${Object.keys(resources).join(", ") || "(none)"}.`);
    }
    if (!Array.isArray(items)) throw new FixtureError(`seed.${name} must be an array of ${name} items.`);
    const validate = resource.schema ? ajv.compile({ $ref: `mock-spec${resource.schema}` }) : undefined;
    items.forEach((item, index) => {
      if (validate && !validate(item)) {
        const error = validate.errors?.[0];
        const field = (error?.instancePath ?? "").split("/").filter(Boolean).join(".");
        const extra = error?.params && "additionalProperty" in error.params ? ` (${String(error.params.additionalProperty)})` : "";
        throw new FixtureError(`seed.${name}[${index}]${field ? `.${field}` : ""} ${error?.message ?? "is invalid"}${extra}.`);
      }
      if (item?.[resource.keyField] === undefined) throw new FixtureError(`seed.${name}[${index}] has no ${resource.keyField}.`);
    });
  }
  return fixtures;
}
