import { createElement, type ReactElement } from "react";
import { renderToReadableStream } from "react-dom/server";
import { runAsActor } from "../../lib/server/auth/actor-context";

type TPage<TParams> = (props: { params: Promise<TParams>; searchParams: Promise<Record<string, string>> }) => Promise<unknown> | unknown;

/** A page component rendered to HTML as a signed-out reader, with its route params and query. */
export async function renderAsReader<TParams extends Record<string, string>>(
  page: TPage<TParams>,
  { params = {} as TParams, search = {} }: { params?: TParams; search?: Record<string, string> } = {},
): Promise<string> {
  return runAsActor(null, async () => {
    const element = (await page({ params: Promise.resolve(params), searchParams: Promise.resolve(search) })) as ReactElement;
    const stream = await renderToReadableStream(createElement(() => element));
    await stream.allReady;
    return new Response(stream).text();
  });
}

/** A reading page by its file under app/(public), rendered as renderAsReader does. */
export async function renderPublicPage(file: string, params: Record<string, string>, search: Record<string, string>): Promise<string> {
  const page = ((await import(`../../app/(public)/${file}`)) as { default: TPage<Record<string, string>> }).default;
  return renderAsReader(page, { params, search });
}
