"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";

export type TConflictField = { label: string; theirs: string; yours: string };

/**
 * Their saved version beside yours, field by field, after a save was refused because someone
 * else saved first. Nothing was overwritten; the differing fields are marked in words.
 */
export function ConflictPanel({ savedBy, savedAt, fields, children }: { savedBy: string | null; savedAt: string | null; fields: TConflictField[]; children?: ReactNode }) {
  const differing = fields.filter((field) => field.theirs !== field.yours);
  const panel = useRef<HTMLElement>(null);
  // Take focus when it appears, so the editor lands on the explanation rather than on the form.
  useEffect(() => panel.current?.focus(), [savedAt]);
  return (
    <section ref={panel} tabIndex={-1} aria-labelledby="conflict-heading" className="rounded border-2 border-amber-600 bg-amber-50 p-4">
      <h2 id="conflict-heading" className="font-serif text-xl font-bold">
        Someone else saved this while you were editing
      </h2>
      <p className="mt-1">
        {savedBy ?? "Another editor"} saved a newer version{savedAt ? ` at ${new Date(savedAt).toISOString().replace("T", " ").slice(0, 16)} UTC` : ""}. Nothing of
        yours was saved and nothing of theirs was overwritten. {differing.length === 0 ? "Your version matches theirs." : `${differing.length} field${differing.length === 1 ? " differs" : "s differ"}.`}
      </p>
      <div className="mt-3 overflow-x-auto">
        <Table caption="Their version and yours, field by field">
          <TableHead>
              <ColumnHeader>
                Field
              </ColumnHeader>
              <ColumnHeader>
                Their version (saved)
              </ColumnHeader>
              <ColumnHeader>
                Your version (not saved)
              </ColumnHeader>
            </TableHead>
          <TableBody>
            {fields.map((field) => {
              const differs = field.theirs !== field.yours;
              return (
                <TableRow key={field.label} className={differs ? "bg-amber-100" : ""}>
                  <RowHeader>
                    {field.label}
                    {differs && <span className="block text-xs font-normal text-amber-900">differs</span>}
                  </RowHeader>
                  <TableCell className="whitespace-pre-wrap">{field.theirs || <span className="text-muted">empty</span>}</TableCell>
                  <TableCell className="whitespace-pre-wrap">{field.yours || <span className="text-muted">empty</span>}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {children}
    </section>
  );
}
