import Link from "next/link";

export default function Forbidden() {
  return (
    <section aria-labelledby="forbidden-heading" className="max-w-prose">
      <h1 id="forbidden-heading" className="font-serif text-3xl font-bold">
        Not allowed
      </h1>
      <p className="mt-3">
        Your account&apos;s role does not allow this page. Analysts log and edit developments; admins manage sources, users and
        retractions. Ask an administrator if you need a different role.
      </p>
      <p className="mt-3">
        <Link href="/">Back to the latest developments</Link> · <Link href="/account">Your account</Link>
      </p>
    </section>
  );
}
