// Observable Framework data loader: the back-test of the vacancy forecasts (hold out the last 1, 2 and 3 years of
// the series, forecast them from the years before) for both forecast models, with band coverage and PIT counts.
import {fileURLToPath} from "node:url";
import {loadDatasets} from "../../loaders/datasets.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {BACKTEST_MODELS, backtest, coverage, pitHistogram, type Forecast} from "../../simulations/recalibration/backtest.ts";

const dataDir = process.env.FAIRSHARE_DATA_DIR ?? fileURLToPath(new URL("../../data", import.meta.url));
/** Fixed, so the page shows the same PIT values on every build. */
const SEED = 1;
const HOLDOUTS = [1, 2, 3];
const BINS = 10;
/** The scenario "agreed"'s vacancyWindow: the engine's own fit uses the last five years. */
const WINDOW = 5;

const LABELS: Record<(typeof BACKTEST_MODELS)[number], string> = {
  "gamma-poisson": "Gamma-Poisson (herijking)",
  "series-fit": "Reeksfit van het rekenmodel (zonder herijking)"
};

try {
  const datasets = loadDatasets(dataDir);
  const members = datasets.municipalities.filter((m) => m.inAgreement);
  const codes = members.map((m) => m.code);
  const forecasts: Forecast[] = BACKTEST_MODELS.flatMap((model) =>
    HOLDOUTS.flatMap((k) => backtest(datasets.vacancies, codes, k, SEED, {model, window: WINDOW})));
  const summarise = (model: string, holdout: number | "alle", fs: readonly Forecast[]) => ({
    model,
    holdout,
    n: fs.length,
    coverage50: coverage(fs, 50),
    coverage90: coverage(fs, 90),
    pit: pitHistogram(fs.map((f) => f.pit), BINS)
  });
  const summary = BACKTEST_MODELS.flatMap((model) => {
    const own = forecasts.filter((f) => f.model === model);
    return [...HOLDOUTS.map((k) => summarise(model, k, own.filter((f) => f.holdout === k))), summarise(model, "alle", own)];
  });
  const years = datasets.vacancies.filter((v) => codes.includes(v.municipality)).map((v) => v.year);
  const json = JSON.stringify({
    seed: SEED,
    bins: BINS,
    window: WINDOW,
    series: {from: Math.min(...years), to: Math.max(...years)},
    estimate: datasets.vacancies.some((v) => codes.includes(v.municipality) && v.status === "estimate"),
    municipalities: members.map((m) => ({code: m.code, name: m.name})),
    models: BACKTEST_MODELS.map((id) => ({id, label: LABELS[id]})),
    forecasts,
    summary
  });
  process.stdout.write(json);
} catch (error) {
  process.stderr.write(`${error instanceof DatasetError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
}
