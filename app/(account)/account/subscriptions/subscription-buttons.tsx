"use client";

import { useActionState } from "react";
import { pauseSubscription, resumeSubscription, unsubscribe } from "./actions";

/** Unsubscribe and pause/resume buttons of one subscription (each a small form that works without JavaScript). */
export function SubscriptionButtons({ id, version, name, isPaused }: { id: string; version: number; name: string; isPaused: boolean }) {
  const [ended, endAction, isEnding] = useActionState(unsubscribe, null);
  const [toggled, toggleAction, isToggling] = useActionState(isPaused ? resumeSubscription : pauseSubscription, null);
  const failure = (ended && !ended.ok && ended.error) || (toggled && !toggled.ok && toggled.error);
  return (
    <div className="flex flex-wrap gap-2">
      <form action={toggleAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" disabled={isToggling} className="rounded border border-rule px-2 py-1">
          {isPaused ? "Resume" : "Pause"} <span className="sr-only">“{name}”</span>
        </button>
      </form>
      <form action={endAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" disabled={isEnding} className="rounded border border-red-700 px-2 py-1 text-red-800">
          Unsubscribe <span className="sr-only">from “{name}”</span>
        </button>
      </form>
      {failure && <span role="alert" className="text-sm text-red-800">{failure}</span>}
    </div>
  );
}
