import fc from "fast-check";
import { EDGE_CHARS } from "./strings.js";

// Strings for each JSON Schema format the package uses: mostly valid, the rest one edit away from valid,
// so that the format checkers are exercised at their edges. The oracle, not the generator, decides validity.

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** RFC 3339 date-times with every part valid: any year, fractions, offsets, `t`/`z`. */
const dateTime: fc.Arbitrary<string> = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constantFrom("Z", "z", "+00:00", "-00:00", "+05:30", "-12:00", "+14:00"),
      fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
        ([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`,
      ),
    ),
    separator: fc.constantFrom("T", "t"),
  })
  .map(
    ({ year, month, day, hour, minute, second, fraction, zone, separator }) =>
      `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${separator}${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${
        fraction === undefined ? "" : `.${fraction}`
      }${zone}`,
  );

/** Date-times at the edges of the calendar and the clock: month ends, leap days and seconds, bad zones. */
const dateTimeEdge = fc.constantFrom(
  "2016-12-31T23:59:60Z",
  "2016-12-31T23:59:60.5Z",
  "2016-12-31T18:59:60-05:00",
  "2015-06-30T23:59:60Z",
  "2017-12-31T23:59:60Z",
  "1972-06-30T23:59:60Z",
  "2024-01-15T23:59:60Z",
  "2024-02-29T12:00:00Z",
  "2023-02-29T12:00:00Z",
  "1900-02-29T00:00:00Z",
  "2000-02-29T00:00:00Z",
  "2024-04-31T00:00:00Z",
  "2024-12-31T00:00:00Z",
  "2024-13-01T00:00:00Z",
  "2024-00-10T00:00:00Z",
  "2024-01-00T00:00:00Z",
  "2024-01-15T24:00:00Z",
  "2024-01-15T10:60:00Z",
  "2024-01-15T10:30:61Z",
  "2024-01-15 10:30:00Z",
  "2024-01-15T10:30:00",
  "2024-01-15T10:30:00+24:00",
  "2024-01-15T10:30:00+0530",
  "2024-01-15T10:30:00.Z",
  "20-11-23T22:28:55.111Z",
  "2024-01-15",
  "+002024-01-15T10:30:00Z",
);

const label = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,5})?$/);

/** RFC 1123 host names: labels of letters, digits and inner hyphens; some at the label and name limits. */
const hostname: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join(".")), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      `${"a".repeat(63)}.com`,
      `${"a".repeat(64)}.com`,
      Array(4).fill("a".repeat(63)).join("."),
      `${Array(4).fill("a".repeat(63)).join(".")}.b`,
      `${Array(127).fill("a").join(".")}`,
      "xn--nxasmq6b.com",
      "münchen.de",
      "a_b.com",
      "-a.com",
      "a-.com",
      "a..com",
      "a.com.",
      "localhost",
      "123.456",
      "",
    ),
    weight: 2,
  },
);

const ipv4: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.ipV4(), weight: 8 },
  { arbitrary: fc.ipV4Extended(), weight: 1 },
  { arbitrary: fc.constantFrom("01.2.3.4", "256.1.1.1", "1.2.3", "1.2.3.4.5", " 1.2.3.4", "0.0.0.0"), weight: 1 },
);

const ipv6: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.ipV6(), weight: 8 },
  { arbitrary: fc.constantFrom("::", "::1", "::ffff:1.2.3.4", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "1::2::3", "::ffff:01.2.3.4", "[::1]"), weight: 2 },
);

const atext = fc.stringMatching(/^[a-zA-Z0-9!#$%&'*+\-/=?^_`{|}~]{1,10}$/);

/** RFC 5321 mailboxes: dot-atoms, quoted local parts, address literals, and near misses. */
const email: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.tuple(fc.array(atext, { minLength: 1, maxLength: 3 }), hostname).map(([atoms, host]) => `${atoms.join(".")}@${host}`), weight: 8 },
  {
    arbitrary: fc.constantFrom('"a b"@example.com', "a@[192.0.2.1]", "a@[IPv6:::1]", "a..b@x.com", ".a@x.com", "a@", "@a.com", "a@localhost", "a@b@c.com", "é@x.com"),
    weight: 2,
  },
);

/** RFC 3986 URIs: scheme, optional authority (host, IP literal, port), path, query, fragment; and near misses. */
const uri: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc
      .record({
        scheme: fc.constantFrom("https", "http", "ftp", "urn", "mailto", "a+b.c-d"),
        host: fc.oneof(hostname, fc.constantFrom("[::1]", "[v1.x]", "127.0.0.1", "user:pw@host", "host:8080", "")),
        path: fc.stringMatching(/^(?:\/[a-zA-Z0-9._~!$&'()*+,;=:@-]{0,6}){0,3}$/),
        query: fc.option(fc.stringMatching(/^[a-zA-Z0-9=&/?]{0,8}$/), { nil: undefined }),
        fragment: fc.option(fc.stringMatching(/^[a-zA-Z0-9/?]{0,6}$/), { nil: undefined }),
        authority: fc.boolean(),
      })
      .map(
        ({ scheme, host, path, query, fragment, authority }) =>
          `${scheme}:${authority ? `//${host}` : ""}${path}${query === undefined ? "" : `?${query}`}${fragment === undefined ? "" : `#${fragment}`}`,
      ),
    weight: 8,
  },
  { arbitrary: fc.constantFrom("//acme.com", "/relative", "acme.com", "https://a b.com", "https://acme.com/%zz", "https://acme.com/é", "1http://x", "https://[::1"), weight: 2 },
);

const FORMATS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  "date-time": fc.oneof({ arbitrary: dateTime, weight: 9 }, { arbitrary: dateTimeEdge, weight: 1 }),
  hostname,
  ipv4,
  ipv6,
  email,
  uri,
};

/** A string of the format, or one edit away from it (a character dropped, doubled, replaced by an edge character). */
export function formatString(format: string): fc.Arbitrary<string> {
  const valid = FORMATS[format];
  if (valid === undefined) throw new Error(`No generator for the format ${format}`);
  const edited = fc.tuple(valid, fc.nat(), fc.nat(), fc.constantFrom(...EDGE_CHARS)).map(([s, at, how, edge]) => {
    const i = s.length === 0 ? 0 : at % s.length;
    switch (how % 4) {
      case 0:
        return s.slice(0, i) + s.slice(i + 1);
      case 1:
        return s.slice(0, i) + s[i] + s.slice(i);
      case 2:
        return s.slice(0, i) + edge + s.slice(i + 1);
      default:
        return s.toUpperCase();
    }
  });
  return fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: edited, weight: 1 });
}
