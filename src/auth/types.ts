// Token acquisition, per call and per scope set (least privilege: ask only for what a call needs).
export interface TokenProvider {
  getToken(scopes: readonly string[]): Promise<string>;
}
