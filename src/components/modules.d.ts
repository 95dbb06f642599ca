// Components import each other with ".js" (not ".ts"): Framework serves them as .js modules and resolves only that;
// TypeScript (NodeNext) maps "./x.js" to x.ts, so the type checker follows the same imports.
// Types for the few browser modules without their own declarations (only what the pages use).

declare module "d3-dsv" {
  export function csvFormatRows(rows: readonly (readonly string[])[]): string;
}

declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    url(): Promise<string>;
    json(): Promise<unknown>;
    text(): Promise<string>;
  }
  export function FileAttachment(name: string): FileAttachmentHandle;
}
