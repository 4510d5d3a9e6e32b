// The wire contract shared by the API and the web UI.
export type * from "./workbench-types.js";
