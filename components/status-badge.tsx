import type { Status } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/domain/statuses";

// Colour is never the only signal: each tone has its own shape, and the label is always text.
/** The tone of each status: its colour and, never without it, its shape or pattern. */
export const TONE_BY_STATUS: Record<Status, "active" | "warning" | "ended" | "neutral"> = {
  NEGOTIATING: "neutral",
  SIGNED: "neutral",
  IN_FORCE: "active",
  RESTORED: "active",
  NOTICE_GIVEN: "warning",
  PROVISIONALLY_EXTENDED: "warning",
  SUSPENDED: "ended",
  TERMINATED: "ended",
  ANNOUNCED: "warning",
  EASED: "warning",
  LIFTED: "neutral",
};

const TONE_STYLE = {
  active: { className: "border-status-active text-status-active", shape: "●" },
  warning: { className: "border-status-warning text-status-warning", shape: "▲" },
  ended: { className: "border-status-ended text-status-ended", shape: "■" },
  neutral: { className: "border-status-neutral text-status-neutral", shape: "◆" },
} as const;

export function StatusBadge({ status, size = "md" }: { status: Status | null; size?: "md" | "lg" }) {
  const sizing = size === "lg" ? "px-3 py-1 text-base" : "px-2 py-0.5 text-sm";
  if (!status) {
    return <span className={`inline-flex items-center gap-1 rounded border border-rule text-muted ${sizing}`}>No status recorded</span>;
  }
  const tone = TONE_STYLE[TONE_BY_STATUS[status]];
  return (
    <span className={`inline-flex items-center gap-1 rounded border bg-white font-medium ${tone.className} ${sizing}`}>
      <span aria-hidden="true">{tone.shape}</span>
      {STATUS_LABELS[status]}
    </span>
  );
}
