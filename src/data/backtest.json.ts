// Observable Framework data loader: the back-test of the vacancy forecasts for both forecast models: hold out the
// last 1, 2 and 3 years (coverage and PIT per hold-out, for the page "Prognoses toetsen"), rolling origin and
// leave-one-year-out (coverage, bias and CRPS per municipality, and a sentence saying whether forecasts lean).
import {fileURLToPath} from "node:url";
import {loadDatasets} from "../../loaders/datasets.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {
  BACKTEST_MODELS, backtest, coverage, leanText, leaveOneYearOut, pitHistogram, rollingOrigin, scores, scoresByMunicipality, type Forecast
} from "../../simulations/recalibration/backtest.ts";

const dataDir = process.env.FAIRSHARE_DATA_DIR ?? fileURLToPath(new URL("../../data", import.meta.url));
/** Fixed, so the page shows the same PIT values on every build. */
const SEED = 1;
const HOLDOUTS = [1, 2, 3];
const BINS = 10;
/** The scenario "agreed"'s vacancyWindow: the engine's own fit uses the last five years. */
const WINDOW = 5;

const LABELS: Record<(typeof BACKTEST_MODELS)[number], string> = {
  "gamma-poisson": "Gepoold Gamma-Poisson met trend (herijking)",
  "series-fit": "Reeksfit van het rekenmodel (zonder herijking)"
};

try {
  const datasets = loadDatasets(dataDir);
  const members = datasets.municipalities.filter((m) => m.inAgreement);
  const codes = members.map((m) => m.code);
  const exposures = new Map(members.map((m) => [m.code, m.socialStock.value]));
  const options = (model: (typeof BACKTEST_MODELS)[number]) => ({model, window: WINDOW, exposures});
  const forecasts: Forecast[] = BACKTEST_MODELS.flatMap((model) =>
    HOLDOUTS.flatMap((k) => backtest(datasets.vacancies, codes, k, SEED, options(model))));
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
  const schemes = BACKTEST_MODELS.flatMap((model) => {
    const rolling = rollingOrigin(datasets.vacancies, codes, SEED, options(model));
    const loyo = leaveOneYearOut(datasets.vacancies, codes, SEED, options(model));
    return [["rolling", rolling], ["loyo", loyo]].map(([scheme, fs]) => ({
      model,
      scheme: scheme as string,
      all: scores(fs as Forecast[]),
      lean: leanText(fs as Forecast[]),
      municipalities: scoresByMunicipality(fs as Forecast[], codes)
    }));
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
    summary,
    schemes
  });
  process.stdout.write(json);
} catch (error) {
  process.stderr.write(`${error instanceof DatasetError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
}
