/**
 * What the week card's sections share: the loader's card, and the state of the form after an
 * answer (field errors, the trainer's entries to put back, what changed since the card opened).
 */
import { useActionData, useLoaderData } from "@remix-run/react";

import type { FieldErrorMap } from "~/domain/field-errors";

import type { action, loader } from "./route";

export type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
export type Card = Exclude<LoaderData, { refusal: unknown }>;
export type Competency = Card["competencies"][number];
export type Day = Card["days"][number];
export type Afternoon = Card["education"][number];

export interface CardForm {
  errors: Readonly<FieldErrorMap>;
  /** The trainer's entry for a field when the answer put one back, else the recorded value. */
  pick: (name: string, current: string | null) => string;
  /** Whether the answer put back an entry of the trainer's for this field. */
  entered: (name: string) => boolean;
  /** What was recorded since the card was opened (a stale answer): `att.<day>`, `level.<id>`, `edu.<day>`, `review`. */
  changed: ReadonlySet<string>;
  stale: boolean;
  /** A save kept the week's note on screen: it is sent with "Submit the week". */
  noteNotSubmitted: boolean;
  showAll: boolean;
  submissionKey: string;
  baseline: string;
}

export function useCardForm(card: Card): CardForm {
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : {};
  const values: Record<string, string> = actionData && "values" in actionData ? actionData.values : {};
  const has = (name: string) => Object.hasOwn(values, name);
  const tokens = actionData && "form" in actionData ? actionData.form : { submissionKey: card.submissionKey, baseline: card.baseline };
  return {
    errors,
    pick: (name, current) => (has(name) ? values[name]! : (current ?? "")),
    entered: has,
    changed: new Set(actionData && "stale" in actionData ? (actionData.stale?.changed ?? []) : []),
    stale: !!actionData && "stale" in actionData && !!actionData.stale,
    noteNotSubmitted: !!actionData && "saved" in actionData && !!values.weekNote,
    showAll: has("show") ? values.show === "all" : card.showAll,
    submissionKey: tokens.submissionKey,
    baseline: tokens.baseline,
  };
}
