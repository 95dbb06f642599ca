// Burden measures (lastmaten) and spread indices: pure and browser-safe.
export {MEASURES, MEASURE_SCALE, MEASURE_LABEL, isStockMeasure, burden, measureBasis, type Measure, type MeasureBasis} from "./definitions.ts";
export {maxMinRatio, coefficientOfVariation, allWithinBand} from "./spread.ts";
export {netContribution, cumulativeBalance, burdens} from "./perRun.ts";
export {SPREAD_INDICES, SPREAD_DECIMALS, emptyBurdenSummary, addBurdens, mergeBurdenSummary, type BurdenSummary, type SpreadIndex} from "./summary.ts";
export {BURDEN_METRICS, BURDEN_METRIC_LABEL, periodLabels, burdenRows, spreadRows, bandRows, pAllWithinEveryYear, type BurdenMetric, type BurdenRow, type SpreadRow, type BandRow} from "./rows.ts";
export {simulateBurdens, type BurdenJob} from "./stream.ts";
