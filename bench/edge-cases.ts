/**
 * The edge cases where the usual validators disagree (issue 5), as segment bodies: each is the small segment
 * payload with one member changed, and the verdict the package gives.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const base: { [key: string]: Json } = {
  type: "group",
  userId: "user_12345",
  groupId: "company_enterprise_corp",
  traits: { name: "Enterprise Corp", plan: "enterprise" },
  timestamp: "2025-01-15T14:30:00.000Z",
};

const traits = base["traits"] as { [key: string]: Json };

/** A segment body on which validators are known to disagree, and the package's verdict. */
export interface EdgeCase {
  readonly name: string;
  readonly valid: boolean;
  readonly body: Json;
}

/** The edge cases, each the small segment body with one member changed. */
export function edgeCases(): EdgeCase[] {
  return [
    { name: "timestamp 2024-02-30T10:00:00Z", valid: false, body: { ...base, timestamp: "2024-02-30T10:00:00Z" } },
    { name: "timestamp 2024-01-15t10:30:00z (lower case)", valid: true, body: { ...base, timestamp: "2024-01-15t10:30:00z" } },
    { name: "traits.email a@localhost", valid: true, body: { ...base, traits: { ...traits, email: "a@localhost" } } },
    { name: "traits.website with a space", valid: false, body: { ...base, traits: { ...traits, website: "https://acme .com" } } },
    { name: "groupId of 200 emoji", valid: true, body: { ...base, groupId: "😀".repeat(200) } },
    { name: "context an array", valid: false, body: { ...base, context: [] } },
  ];
}
