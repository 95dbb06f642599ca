// data/vacancies.csv: social-rental homes let (vrijgekomen) per municipality and year.
import {z} from "zod";
import type {Issue} from "./errors.ts";
import {countUpTo, estimateNeedsNote, municipalityCode, provenance, year} from "./fields.ts";
import {MAX_VACANCIES} from "./bounds.ts";
import {type Located, readRows, reportDuplicates} from "./rows.ts";

export const VACANCIES_FILE = "vacancies.csv";
export const VACANCY_COLUMNS = ["municipality", "year", "vacancies", "status", "source", "note"] as const;

const vacancyRow = z
  .object({municipality: municipalityCode, year, vacancies: countUpTo(MAX_VACANCIES), ...provenance})
  .superRefine(estimateNeedsNote);
export type VacancyRow = z.output<typeof vacancyRow>;

/**
 * Read data/vacancies.csv: one row per municipality and year. Problems go to `issues`.
 *
 * @example
 * readVacancies("data/vacancies.csv", "data/vacancies.csv", []).filter((r) => r.row.year === 2024);
 */
export function readVacancies(path: string, file: string, issues: Issue[]): Located<VacancyRow>[] {
  const rows = readRows(path, file, vacancyRow, VACANCY_COLUMNS, issues);
  return reportDuplicates(file, rows, (r) => `${r.municipality}|${r.year}`, "year",
    (r) => `gemeente en jaar (${r.municipality}, ${r.year})`, issues);
}
