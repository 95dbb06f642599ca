// Routes for the per-municipality pages (/gemeente/<slug>), made from the municipality names in data/.

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
