/**
 * A record of achievement's facts for tests of signing and checking: one apprentice, two
 * competencies reached, the legal name withheld. Override any field.
 */
import type { RecordFacts } from "./credential";

export const SAMPLE_BASE_URL = "https://portal.example.org";
export const sampleRecordFacts = (over: Partial<RecordFacts> = {}): RecordFacts => ({
  baseUrl: SAMPLE_BASE_URL,
  publicId: "AbCdEfGhIjKlMnOpQrStUv",
  subjectId: "urn:uuid:6f1c2a8e-0000-4000-8000-000000000001",
  issuedAt: new Date("2026-11-19T03:04:05Z"),
  text: {
    programme: { en: "Hagar Cambodia · Career Pathways", km: "កម្មវិធីផ្លូវអាជីព" },
    name: { en: "Record of achievement: Hairdressing", km: "លិខិតបញ្ជាក់សមិទ្ធផល" },
    description: { en: "Skills.", km: "ជំនាញ។" },
    criteria: { en: "Independent.", km: "ខ្លួនឯង។" },
  },
  preferredName: "Sokha",
  legalName: null,
  trade: { en: "Hairdressing", km: "កាត់សក់" },
  framework: { code: "HAIR", version: 3 },
  employer: { id: 7, name: "Parkway Beauty Salon" },
  site: { en: "Phnom Penh", km: "ភ្នំពេញ" },
  startDate: "2026-03-02",
  endDate: "2026-08-28",
  weeksCompleted: 26,
  educationAfternoonsAttended: 41,
  competencies: [
    {
      code: "HB-1.1",
      title: { en: "Greet the client", km: "ស្វាគមន៍" },
      unit: { code: "HB-1", title: { en: "Client care", km: "អតិថិជន" } },
      reachedOn: "2026-04-10",
    },
    { code: "HB-1.2", title: { en: "Wash hair", km: "កក់សក់" }, unit: { code: "HB-1", title: { en: "Client care", km: "អតិថិជន" } }, reachedOn: "2026-05-02" },
  ],
  ...over,
});
