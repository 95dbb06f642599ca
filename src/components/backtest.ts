// Moved to a typed module: src/components/views/backtest.ts. Kept so that pages importing this path keep working;
// import from "./components/views/backtest.js" instead.
export * from "./views/backtest.js";
