// Outside a Next.js request there is no cache to revalidate; tests call server actions directly,
// so the revalidation calls in them are no-ops here (they are exercised by the browser tests).
export function revalidatePath(_path: string, _type?: "page" | "layout"): void {}
export function revalidateTag(_tag: string, _profile?: unknown): void {}
export function updateTag(_tag: string): void {}
export function refresh(): void {}
export function unstable_noStore(): void {}
