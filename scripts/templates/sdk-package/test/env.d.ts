declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock started by test/global-setup.ts. */
    mockUrl: string;
  }
}
export {};
