export { freePort, resolvePrismCli, startPrism, type PrismOptions, type RunningPrism } from "./prism.js";
