/** What the Express server hands every loader and action (see server.js getLoadContext). */
declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    clientIp: string;
    cspNonce: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
