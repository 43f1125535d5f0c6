import type { z } from "zod";

/** Field errors by dotted path, as the action wrapper reports them; {} when the input is valid. */
export function fieldErrorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.map(String).join(".") || "_form"] ??= []).push(issue.message);
  return errors;
}
