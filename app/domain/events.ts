/**
 * One domain event: records of a placement changed. The flag engine subscribes to re-evaluate
 * the rules that read those records (docs/product.md §5: "rules run on every relevant write").
 * Handlers run after the write has committed; a failing handler never undoes the write.
 */
export type RecordKind = "assessments" | "attendance" | "education" | "reviews" | "feedback" | "placement";

export interface RecordsChanged {
  placementId: number;
  kinds: RecordKind[];
  weekOf?: string;
}

type Handler = (event: RecordsChanged) => void;
const handlers = new Set<Handler>();

export function onRecordsChanged(handler: Handler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

export function emitRecordsChanged(event: RecordsChanged) {
  for (const handler of handlers) {
    try {
      handler(event);
    } catch (error) {
      console.error("records-changed handler failed", error);
    }
  }
}
