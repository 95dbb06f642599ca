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
