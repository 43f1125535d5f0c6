import fs from "node:fs";
import path from "node:path";
import type { TDeclaredRoute } from "../../lib/server/api";
import { runAsActor } from "../../lib/server/auth/actor-context";
import type { TActor } from "../../lib/server/permissions";

// The app's real entry points, found by walking app/: every server action (actions.ts), every
// route handler (route.ts) and every page (page.tsx). The matrix tests import them as Next.js would.

export const APP = path.resolve(import.meta.dirname, "../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export function filesNamed(name: string, directory = APP): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return filesNamed(name, full);
    return entry.name === name ? [full] : [];
  });
}

export type TAction = ((state: null, formData: FormData) => Promise<{ ok: boolean; code?: string }>) & { permission?: unknown };
export type TRoute = { key: string; method: (typeof METHODS)[number]; file: string; handler: Partial<TDeclaredRoute> & ((request: Request, context: { params: Promise<unknown> }) => Promise<Response>) };

export async function loadActions(): Promise<{ key: string; action: TAction }[]> {
  const actions: { key: string; action: TAction }[] = [];
  for (const file of filesNamed("actions.ts")) {
    const module = (await import(file)) as Record<string, TAction>;
    for (const [name, action] of Object.entries(module)) actions.push({ key: `${path.relative(APP, file)}#${name}`, action });
  }
  return actions;
}

export async function loadRoutes(): Promise<TRoute[]> {
  const routes: TRoute[] = [];
  for (const file of filesNamed("route.ts")) {
    const module = (await import(file)) as Record<string, TRoute["handler"]>;
    for (const method of METHODS) {
      const handler = module[method];
      // 405 answers for the methods a path lacks (refuseOtherMethods) are not routes of their own.
      if (typeof handler === "function" && !("refusesMethod" in handler)) routes.push({ key: `${method} ${path.relative(APP, file)}`, method, file: path.relative(APP, file), handler });
    }
  }
  return routes;
}

/** Runs a server action; a redirect (thrown by Next.js) counts as success. */
export async function runAction(action: TAction, actor: TActor, fields: Record<string, string>) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.append(key, value);
  try {
    return await runAsActor(actor, () => action(null, formData));
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return { ok: true };
    throw error;
  }
}

/** The dynamic segments of a route's file path: api/v1/agreements/[slug]/route.ts → ["slug"]. */
export function segmentNames(file: string): string[] {
  return [...file.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((match) => match[1]!);
}
