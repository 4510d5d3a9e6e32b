export type {
  DemoCase,
  DemoCompany,
  DemoPayment,
  DemoShipment,
  PlantedFinding,
} from "./case-types.js";
export { type DemoScheme, demoSchemes, type SchemeContext } from "./generate.js";
export { type GenerateOptions, generateCase } from "./generate-case.js";
export { type DemoListsReport, type DemoOptions, type DemoReport, runDemo } from "./run-demo.js";
export { findSharedData } from "./shared-data.js";
export {
  generateWorld,
  loadWorld,
  runWorld,
  WORLD_DATASETS,
  type WorldReport,
  worldSchemes,
} from "./world.js";
export { worldEntities } from "./world-entities.js";
export { type DemoFile, writeCaseFiles } from "./write-files.js";
