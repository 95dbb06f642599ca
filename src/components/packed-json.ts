// A lossless, smaller JSON form for documents made of tables (arrays of objects with the same fields), such as the
// datasets: each table is written column by column with its field names once, and a column of strings as indices
// into one list of distinct strings. The datasets' 864 prognosis rows repeat the same source and note texts; packed,
// the file the pages fetch before their first chart is a fraction of the size. `unpackJson(packJson(x))` gives back
// x exactly: the same fields in the same order, the same values.

/** A packed document: the distinct strings of its string columns, and the value with its tables packed. */
export interface PackedJson {
  readonly strings: readonly string[];
  readonly value: unknown;
}

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
/** A table: its field names once, then one column per field (a string column as indices into `strings`). */
interface Table {
  readonly $table: readonly string[];
  readonly $columns: readonly Column[];
}
type Column = {readonly $strings: readonly number[]} | Packed;
/** A value with its tables packed. */
type Packed = Json | Table | readonly Packed[] | {readonly [key: string]: Packed};

const isObject = (x: unknown): x is {[key: string]: Json} => typeof x === "object" && x !== null && !Array.isArray(x);
const isStrings = (c: Column): c is {readonly $strings: readonly number[]} => isObject(c) && "$strings" in c;
const sameKeys = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * Packs a JSON document (see the module comment). Refuses a field named "$table", which marks a packed table.
 *
 * @example
 * packJson([{a: "x", b: 1}, {a: "x", b: 2}]); // {strings: ["x"], value: {$table: ["a", "b"], $columns: [{$strings: [0, 0]}, [1, 2]]}}
 */
export function packJson(value: unknown): PackedJson {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const stringIndex = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      index.set(s, (i = strings.length));
      strings.push(s);
    }
    return i;
  };
  const pack = (x: Json): Packed => {
    if (Array.isArray(x)) {
      const first = x[0];
      if (x.length > 1 && isObject(first)) {
        const keys = Object.keys(first);
        if (x.every((row) => isObject(row) && sameKeys(Object.keys(row), keys))) {
          const rows = x as {[key: string]: Json}[];
          return {
            $table: keys,
            $columns: keys.map((key): Column => {
              const column = rows.map((row) => row[key]!);
              return column.every((v) => typeof v === "string") ? {$strings: column.map((v) => stringIndex(v as string))} : pack(column);
            })
          };
        }
      }
      return x.map(pack);
    }
    if (isObject(x)) {
      return Object.fromEntries(
        Object.entries(x).map(([key, v]) => {
          if (key === "$table") throw new Error(`packJson: the field name "$table" marks a packed table and cannot be packed`);
          return [key, pack(v)];
        })
      );
    }
    return x;
  };
  return {strings, value: pack(value as Json)};
}

// A table's rows from its columns. Fields set one by one on a fresh object, in the table's order, give every row the
// same shape (fast to make and to read); a field named "__proto__" would set the prototype that way, so such a
// table's rows are made with Object.fromEntries, which makes own fields of any name, as JSON.parse does.
function rowsOf(keys: readonly string[], columns: readonly (readonly unknown[])[], n: number): Record<string, unknown>[] {
  const rows = new Array<Record<string, unknown>>(n);
  if (keys.includes("__proto__")) {
    for (let r = 0; r < n; r++) rows[r] = Object.fromEntries(keys.map((key, k) => [key, columns[k]![r]]));
    return rows;
  }
  for (let r = 0; r < n; r++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) row[keys[k]!] = columns[k]![r];
    rows[r] = row;
  }
  return rows;
}

/**
 * The document a packed one was made from.
 *
 * @example
 * unpackJson(packJson(datasets)); // equal to datasets, field by field
 */
export function unpackJson<T>(packed: PackedJson): T {
  const {strings} = packed;
  const unpack = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(unpack);
    if (!isObject(x)) return x;
    if ("$table" in x) {
      const table = x as unknown as Table;
      const columns = table.$columns.map((c) => (isStrings(c) ? c.$strings.map((i) => strings[i]!) : (unpack(c) as unknown[])));
      const n = columns[0]?.length ?? 0;
      return rowsOf(table.$table, columns, n);
    }
    return Object.fromEntries(Object.entries(x).map(([key, v]) => [key, unpack(v)]));
  };
  return unpack(packed.value) as T;
}

/**
 * The packed JSON text of any value as JSON.stringify would write it (what a data loader puts on stdout).
 *
 * @example
 * process.stdout.write(packedJsonText(loadDatasets(dataDir)));
 */
export function packedJsonText(value: unknown): string {
  return JSON.stringify(packJson(JSON.parse(JSON.stringify(value))));
}

/**
 * A packed file attachment, unpacked (Framework must see the FileAttachment call with its literal path at the
 * caller, so the caller makes it).
 *
 * @example
 * const datasets = await unpackedJson<Datasets>(FileAttachment("../data/datasets.json"));
 */
export function unpackedJson<T>(file: {json(): Promise<unknown>}): Promise<T> {
  return file.json().then((packed) => unpackJson<T>(packed as PackedJson));
}
