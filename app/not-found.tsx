import Link from "next/link";

export default function NotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="max-w-prose">
      <h1 id="not-found-heading" className="font-serif text-3xl font-bold">
        Not found
      </h1>
      <p className="mt-3">Nothing is recorded at this address. It may have been renamed, or the link may be mistyped.</p>
      <p className="mt-3">
        Try the <Link href="/agreements">list of agreements</Link> or the <Link href="/">latest developments</Link>.
      </p>
    </section>
  );
}
