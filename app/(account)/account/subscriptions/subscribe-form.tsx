"use client";

import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Checkbox, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { subscribe } from "./actions";

const LABELS: Record<string, string> = {
  subjectKind: "What to follow",
  subject: "Which one",
  filters: "Search",
  rule: "Tell me about",
  ruleStatus: "Status",
  ruleDays: "Days before the deadline",
  channel: "How",
  webhookUrl: "Webhook URL",
  timing: "When",
  digestHour: "Digest hour",
  digestTimeZone: "Your time zone",
};

/**
 * Starting a subscription: subject, rule, channel. Works without JavaScript (a server action).
 * `search`: the developments list's query string when "Subscribe to this search" led here.
 */
export function SubscribeForm({ statuses, timeZones, search = null }: { statuses: { value: string; label: string }[]; timeZones: readonly string[]; search?: string | null }) {
  const form = useActionForm(subscribe, {
    subjectKind: search === null ? "AGREEMENT" : "SEARCH",
    filters: search ?? "",
    rule: "ANY_DEVELOPMENT",
    channel: "EMAIL",
    includeCorrections: "on",
    timing: "IMMEDIATE",
    digestHour: "8",
    digestTimeZone: "UTC",
  });
  const created = form.state?.ok ? form.state.data : null;
  // A search's filter errors come at filters.<name> (filters.status): shown beside the one field.
  const filtersError = form.error("filters") ?? Object.entries(form.failure?.fieldErrors ?? {}).find(([path]) => path.startsWith("filters."))?.[1]?.[0];
  return (
    <div className="mt-4">
      <FormOutcome
        state={form.state}
        title="Not subscribed"
        labelFor={(path) => LABELS[path] ?? LABELS[path.split(".")[0]!] ?? path}
        success={
          created && (
            <>
              <p className="font-semibold">Subscribed.</p>
              {created.webhookSecret && (
                <p className="mt-2">
                  Your webhook&apos;s signing key (shown once): <code className="break-all" data-testid="webhook-secret">{created.webhookSecret}</code>
                </p>
              )}
              {created.feedSecret && (
                <p className="mt-2">
                  Your personal feed (keep the address secret; shown once):{" "}
                  <code className="break-all" data-testid="feed-url">/feeds/subscriptions/{created.feedSecret}</code>
                </p>
              )}
            </>
          )
        }
      />
      <form action={form.formAction} key={form.generation} className="grid max-w-xl gap-4">
        <Select name="subjectKind" label={LABELS.subjectKind} defaultValue={form.text("subjectKind")} error={form.error("subjectKind")}>
          <option value="AGREEMENT">An agreement</option>
          <option value="MEASURE">A trade measure</option>
          <option value="PARTY">A party (everything it is part of)</option>
          <option value="RELATION">A relation between two parties</option>
          <option value="SEARCH">A saved search of all developments</option>
        </Select>
        {/* Not `required` in HTML: a saved search has filters instead, and the server says which is missing. */}
        <Input name="subject" label={LABELS.subject} hint="An agreement's or measure's slug (gsomia), a party's code (KOR), or two codes for a relation (JPN-KOR); not for a saved search" optional defaultValue={form.text("subject")} error={form.error("subject")} maxLength={120} />
        <Input
          name="filters"
          label={LABELS.filters}
          hint="For a saved search: the filters of the developments page, e.g. q=tariffs&direction=ESCALATION&party=JPN (or its address, or words to search for); any development or escalations only"
          optional
          defaultValue={form.text("filters")}
          error={filtersError}
          maxLength={2000}
        />
        <Select name="rule" label={LABELS.rule} defaultValue={form.text("rule")} error={form.error("rule")}>
          <option value="ANY_DEVELOPMENT">Any published development</option>
          <option value="ENTERS_STATUS">When the status enters…</option>
          <option value="LEAVES_STATUS">When the status leaves…</option>
          <option value="ESCALATION">Escalations only</option>
          <option value="DEADLINE_APPROACHING">A deadline approaching (a notice deadline or a scheduled change; one agreement or measure)</option>
          <option value="CONDITION_BREACHED">A condition breached (one agreement or measure)</option>
        </Select>
        <Select name="ruleStatus" label={LABELS.ruleStatus} hint="For “enters” and “leaves” only" optional defaultValue={form.text("ruleStatus")} error={form.error("ruleStatus")}>
          <option value="">—</option>
          {statuses.map((status) => (
            <option key={status.value} value={status.value}>
              {status.label}
            </option>
          ))}
        </Select>
        <Input name="ruleDays" type="number" inputMode="numeric" min={1} max={365} label={LABELS.ruleDays} optional hint="For “a deadline approaching” only: 1 to 365 days before" defaultValue={form.text("ruleDays")} error={form.error("ruleDays")} />
        <Checkbox name="includeCorrections" label="Also tell me when a development I was told of is corrected or retracted" defaultChecked={form.text("includeCorrections") === "on"} />
        <Select name="channel" label={LABELS.channel} defaultValue={form.text("channel")} error={form.error("channel")}>
          <option value="EMAIL">Email (to your account&apos;s address; kept in your outbox when no mail server is set up)</option>
          <option value="WEBHOOK">Webhook (a signed JSON POST)</option>
          <option value="FEED">A personal Atom feed</option>
        </Select>
        <Input name="webhookUrl" type="url" label={LABELS.webhookUrl} optional hint="For webhooks: https://…" defaultValue={form.text("webhookUrl")} error={form.error("webhookUrl")} maxLength={2000} />
        <Select name="timing" label={LABELS.timing} hint="Webhooks and feeds are always told at once; the daily digest is for email" defaultValue={form.text("timing")} error={form.error("timing")}>
          <option value="IMMEDIATE">At once</option>
          <option value="DAILY_DIGEST">In one email a day (daily digest)</option>
        </Select>
        <Select name="digestHour" label={LABELS.digestHour} hint="For the daily digest: the hour it is sent, in your time zone" optional defaultValue={form.text("digestHour")} error={form.error("digestHour")}>
          {Array.from({ length: 24 }, (_, hour) => (
            <option key={hour} value={String(hour)}>
              {`${String(hour).padStart(2, "0")}:00`}
            </option>
          ))}
        </Select>
        <Select name="digestTimeZone" label={LABELS.digestTimeZone} hint="For the daily digest" optional defaultValue={form.text("digestTimeZone")} error={form.error("digestTimeZone")}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </Select>
        <div>
          <Button type="submit" disabled={form.isPending}>
            Subscribe
          </Button>
        </div>
      </form>
    </div>
  );
}
