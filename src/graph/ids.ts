// Message ids from Office.js → ids Graph accepts. Desktop and web give EWS ids, which must go
// through `Office.context.mailbox.convertToRestId` once; Outlook mobile already gives REST ids
// and has no convertToRestId. Converting twice corrupts nothing visible but is wrong, and an
// unconverted EWS id makes Graph answer 400 ErrorInvalidIdMalformed (docs/graph-contract.md §3).

export type ConvertToRestId = (itemId: string) => string;

/** EWS ids use the base64 alphabet (`/`, `+`); REST ids use the URL-safe one (`-`, `_`). */
export function looksLikeRestId(id: string): boolean {
  return !/[/+]/.test(id);
}

/**
 * The REST id for an Office.js item id. `convert` is the host's convertToRestId bound to REST
 * v2.0; when it is missing (mobile) the id is taken as REST already. An id that is REST already
 * is never converted again.
 */
export function toRestId(itemId: string, convert?: ConvertToRestId): string {
  const id = itemId.trim();
  if (looksLikeRestId(id)) return id;
  if (!convert) return id;
  const rest = convert(id);
  if (!looksLikeRestId(rest))
    throw new Error('convertToRestId returned an id that still has EWS characters (/ or +)');
  return rest;
}
