import type { TestProject } from "vitest/node";
import { createTemplateDatabase } from "./server-template";

// With a PostgreSQL server configured, migrate one template database per run; each test file
// then clones it (CREATE DATABASE … TEMPLATE), which takes a fraction of a second.
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";
  project.provide("testDatabaseServerUrl", serverUrl);
  if (!serverUrl) {
    console.log("[tests] no TEST_DATABASE_URL or DATABASE_URL: integration tests use embedded PGlite databases");
    project.provide("testDatabaseTemplate", "");
    return;
  }
  const template = await createTemplateDatabase(serverUrl);
  console.log(`[tests] integration tests use PostgreSQL at ${new URL(serverUrl).host} (template ${template.name})`);
  project.provide("testDatabaseTemplate", template.name);
  return template.drop;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServerUrl: string;
    testDatabaseTemplate: string;
  }
}
