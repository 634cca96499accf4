/** What the Express server hands every loader and action (see server.js getLoadContext). */
declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    clientIp: string;
    cspNonce: string;
    /** Aborted when the caller goes before the answer is written (server.js; 0054). */
    callerGone: AbortSignal;
  }
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
