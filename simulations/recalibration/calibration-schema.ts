// A zod schema of the Calibration contract (simulations/model/calibration.ts), to check a calibration file before
// it is compared with or handed to the engine.
import {z} from "zod";
import type {Calibration} from "../model/calibration.ts";

const belief = z.object({
  shape: z.number().positive().finite(),
  rate: z.number().positive().finite()
});

export const calibrationSchema = z.object({
  version: z.string().regex(/^\d{4}-\d+$/, "a version like 2025-1 (realised year and sequence number)"),
  createdAt: z.iso.datetime({message: "an ISO date-time such as 2026-03-23T10:00:00.000Z"}).or(z.iso.date()),
  realisedYears: z.array(z.number().int()).min(1),
  startYear: z.number().int(),
  municipalities: z.record(
    z.string().regex(/^GM\d{4}$/),
    z.object({vacancies: belief, inflow: belief, backlog: z.number().int().nonnegative()})
  ),
  model: z.string().optional(),
  returnShares: z.record(z.string(), z.object({shape1: z.number().positive().finite(), shape2: z.number().positive().finite()})).optional(),
  usedRows: z.array(z.object({
    file: z.string().regex(/^\d{4}\.csv$/),
    line: z.number().int().positive(),
    key: z.string(),
    value: z.number().int().nonnegative(),
    recordedOn: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/)
  })).optional()
}) satisfies z.ZodType<Calibration>;

/**
 * Parses a calibration read from JSON; throws a Dutch error naming the file and the first problems.
 *
 * @example
 * parseCalibration(JSON.parse(readFileSync(path, "utf8")), path);
 */
export function parseCalibration(value: unknown, file: string): Calibration {
  const result = calibrationSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`${file} is geen geldige herijking: ${problems.join("; ")}`);
  }
  return result.data;
}
