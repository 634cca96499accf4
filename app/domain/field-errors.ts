/**
 * What a refused form answers: messages by field name, each a catalogue key
 * ("records.errors.money"), shown beside its field in the user's language. `form` holds what
 * belongs to no one field ("nothing was saved: the week changed meanwhile"), `intent` a button
 * the page does not have. Produced by the form parser (app/forms/parse.server.ts) and by the
 * checks in app/db that need the data (another site's id, a taken code); read by the field kit
 * (app/components/forms.tsx).
 */
export type FieldErrorMap = Record<string, string[] | undefined>;
