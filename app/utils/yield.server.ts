/** Gives the event loop back: requests waiting behind a long piece of work run before it goes on. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
