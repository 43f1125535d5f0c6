import type { Metadata } from "next";
import Link from "next/link";
import { AgreementForm } from "@/components/desk/agreement-form";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listPartyOptions } from "@/lib/server/desk/list-desk-options";
import { createAgreementAction } from "../actions";

export const metadata: Metadata = { title: "New agreement" };

export default async function NewAgreementPage() {
  const actor = await requireSignedIn("/desk/agreements/new", "agreement:write");
  const parties = await listPartyOptions(actor);
  return (
    <section aria-labelledby="new-agreement-heading" className="space-y-4">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link>
      </p>
      <h1 id="new-agreement-heading" className="font-serif text-3xl font-bold">
        New agreement
      </h1>
      <AgreementForm
        action={createAgreementAction}
        parties={parties}
        timeZones={listTimeZones()}
        initial={{ title: "", shortName: "", kind: "", partyCodes: [], signedOn: "", inForceOn: "", termMonths: "", autoRenews: "", noticeDays: "", timeZone: "UTC", summary: "" }}
      />
    </section>
  );
}
