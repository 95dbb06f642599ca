// Routes for the per-municipality pages. The agreement names its eight municipalities (Barneveld is outside it);
// the datasets carry the same list, and the per-municipality page checks the route against them at build time.

/** A municipality's route slug and display name. */
export interface MunicipalitySlug {
  readonly slug: string;
  readonly name: string;
}

/**
 * The URL slug of a municipality name: lower case, ASCII letters and digits, words joined by "-".
 *
 * @example
 * slugify("Amersfoort"); // "amersfoort"
 * slugify("Bergen op Zoom"); // "bergen-op-zoom"
 */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The eight municipalities of the fair-share agreement, in the agreement's order. */
export const MUNICIPALITY_SLUGS: readonly MunicipalitySlug[] = [
  "Amersfoort",
  "Baarn",
  "Bunschoten",
  "Eemnes",
  "Leusden",
  "Nijkerk",
  "Soest",
  "Woudenberg"
].map((name) => ({slug: slugify(name), name}));
