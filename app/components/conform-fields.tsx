import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";

import { FieldErrors } from "./forms";

// Apart from ./forms so that conform reaches only the pages whose forms use it (the JS budget).
export function TextField({
  field,
  label,
  type = "text",
  ...rest
}: {
  field: FieldMetadata<string>;
  label: ReactNode;
  type?: "text" | "password" | "date" | "number" | "tel";
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "id" | "defaultValue">) {
  return (
    <div>
      <label htmlFor={field.id} className="block font-medium">
        {label}
      </label>
      <input
        {...getInputProps(field, { type, ariaAttributes: true })}
        {...rest}
        className="mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 text-base aria-[invalid=true]:border-red-700"
      />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
