export { type AppOptions, createApp } from "./app.js";
export { buildOpenApi } from "./openapi.js";
export { routes } from "./routes.js";
export { type RunningServer, startServer } from "./server.js";
export type * from "./types.js";
