"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section aria-labelledby="error-heading" className="max-w-prose">
      <h1 id="error-heading" className="font-serif text-3xl font-bold">
        Something went wrong
      </h1>
      <p className="mt-3">The page could not be shown. The error has been logged; please try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-4 rounded border border-rule bg-white px-3 py-1">
        Try again
      </button>
    </section>
  );
}
