/**
 * Text people typed (names, notes, comments, reasons) carries the language of its script, so a
 * screen reader speaks a Khmer note on an English page with a Khmer voice and the other way round,
 * and Khmer gets its font size and line height (the `:lang(km)` rules in tailwind.css).
 */
import type { ElementType, ReactNode } from "react";

import { scriptLang } from "~/domain/script";

export function FreeText({
  text,
  as: Tag = "span",
  className,
  children,
  ...rest
}: {
  text: string | null | undefined;
  as?: ElementType;
  className?: string;
  /** Shown after the text (inside the same element), e.g. an icon. */
  children?: ReactNode;
  "data-testid"?: string;
}) {
  if (text == null) return null;
  return (
    <Tag lang={scriptLang(text)} className={className} data-free-text="" {...rest}>
      {text}
      {children}
    </Tag>
  );
}
