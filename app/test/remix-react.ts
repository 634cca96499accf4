/**
 * `@remix-run/react` for the tests that render a route's page to a string: the hooks read `state`
 * (what the loader and the action answered), `<Form>` and `<Link>` are a plain form and link.
 * In a test file: `vi.mock("@remix-run/react", () => import("~/test/remix-react"))`, then set
 * `state.loader` (and `state.action`) before rendering.
 */
import { createElement } from "react";

export const state = { loader: null as unknown, action: undefined as unknown };

export const useLoaderData = () => state.loader;
export const useActionData = () => state.action;
export const useNavigation = () => ({ state: "idle" });
export const useSearchParams = () => [new URLSearchParams()];

// Remix's own props of <Form> and <Link> are not HTML attributes.
export const Form = ({ reloadDocument: _r, preventScrollReset: _p, replace: _x, ...props }: Record<string, unknown>) => createElement("form", props as never);
export const Link = ({ to, replace: _x, preventScrollReset: _p, ...rest }: { to: string; replace?: boolean; preventScrollReset?: boolean }) =>
  createElement("a", { href: to, ...rest } as never);
