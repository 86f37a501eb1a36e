/** Who is calling, as far as writes are concerned. */
export interface Credentials {
  /** The raw `Authorization` header, if any. */
  readonly authorization: string | undefined;
  /** The configured API token; undefined when writes are disabled. */
  readonly apiToken: string | undefined;
}
