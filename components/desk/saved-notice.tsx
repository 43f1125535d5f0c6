const MESSAGES: Record<string, string> = {
  created: "Created. It is on the public pages now.",
  saved: "Saved. The previous version is kept as a revision.",
  confirmed: "Confirmed: the answer now links to the original as a retaliation, and the pair is shown as linked.",
  dismissed: "Dismissed: the pair will not be proposed again.",
};

/** The confirmation shown after a save redirected back to the form (?saved=…). */
export function SavedNotice({ saved }: { saved?: string }) {
  const message = saved ? MESSAGES[saved] : undefined;
  if (!message) return null;
  return (
    <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
      {message}
    </p>
  );
}
