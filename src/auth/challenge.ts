// A 401 from Graph may carry a claims challenge (Continuous Access Evaluation, Conditional Access):
//   WWW-Authenticate: Bearer realm="", authorization_uri="…", error="insufficient_claims",
//                     claims="<base64 of a JSON claims request>"
// MSAL takes the claims request as JSON text, so the header's value is decoded here. Graph sends
// the challenge only to clients that declare the CP1 capability (msal-config.ts).
// https://learn.microsoft.com/entra/identity-platform/claims-challenge

/** The decoded claims request of a challenge; null when the header carries none. */
export function claimsFromChallenge(header: string | null | undefined): string | null {
  if (!header || !/\berror\s*=\s*"?insufficient_claims"?/i.test(header)) return null;
  const match = /\bclaims\s*=\s*"([^"]*)"/i.exec(header);
  const encoded = match?.[1]?.trim();
  if (!encoded) return null;
  try {
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(encoded.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    );
    JSON.parse(json);
    return json;
  } catch {
    return null; // not base64 JSON: retried with a fresh token, without claims
  }
}
