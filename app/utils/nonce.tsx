import { createContext, useContext, type ReactNode } from "react";

/** The request's CSP nonce, provided by entry.server for <Scripts>; empty in the browser. */
const NonceContext = createContext("");

export const NonceProvider = ({ value, children }: { value: string; children: ReactNode }) => (
  <NonceContext.Provider value={value}>{children}</NonceContext.Provider>
);

export const useNonce = () => useContext(NonceContext);
