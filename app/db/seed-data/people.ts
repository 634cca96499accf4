/**
 * Fictional people for the demo (docs/product.md §8: never real people). Khmer names written in
 * Latin letters, family name first; many people share family names, as in life, which is why
 * the apprentice code and not the name identifies a person. Combinations that belong to
 * well-known public figures are avoided on purpose.
 */
import type { Gender } from "~/domain/enums";

export interface ApprenticeName {
  legalName: string;
  preferredName: string;
  gender: Gender;
}

/** Mostly young women, some young men: the programme's clients. Used in order by the seed. */
export const APPRENTICE_NAMES: readonly ApprenticeName[] = [
  { legalName: "Chan Sreymom", preferredName: "Srey Mom", gender: "female" },
  { legalName: "Sok Sreypov", preferredName: "Srey Pov", gender: "female" },
  { legalName: "Keo Dalin", preferredName: "Dalin", gender: "female" },
  { legalName: "Heng Chanthou", preferredName: "Thou", gender: "female" },
  { legalName: "Vong Dara", preferredName: "Dara", gender: "male" },
  { legalName: "Ly Bopha", preferredName: "Bopha", gender: "female" },
  { legalName: "Lim Raksmey", preferredName: "Smey", gender: "female" },
  { legalName: "Sam Sreyneang", preferredName: "Neang", gender: "female" },
  { legalName: "Nov Vibol", preferredName: "Vibol", gender: "male" },
  { legalName: "Nhem Kunthea", preferredName: "Thea", gender: "female" },
  { legalName: "Touch Malis", preferredName: "Malis", gender: "female" },
  { legalName: "Prak Chenda", preferredName: "Chenda", gender: "female" },
  { legalName: "Mey Piseth", preferredName: "Piseth", gender: "male" },
  { legalName: "Mao Leakhena", preferredName: "Khena", gender: "female" },
  { legalName: "Seng Pisey", preferredName: "Pisey", gender: "female" },
  { legalName: "Phan Sreyleak", preferredName: "Leak", gender: "female" },
  { legalName: "Yin Thida", preferredName: "Thida", gender: "female" },
  { legalName: "Oeun Veasna", preferredName: "Veasna", gender: "male" },
  { legalName: "Ouk Channary", preferredName: "Nary", gender: "female" },
  { legalName: "Hem Kanha", preferredName: "Kanha", gender: "female" },
  { legalName: "Sorn Rachana", preferredName: "Rachana", gender: "female" },
  { legalName: "Long Sreyroth", preferredName: "Roth", gender: "female" },
  { legalName: "Chhay Visal", preferredName: "Visal", gender: "male" },
  { legalName: "Chhim Davy", preferredName: "Davy", gender: "female" },
  { legalName: "Khim Sreynich", preferredName: "Nich", gender: "female" },
  { legalName: "Thach Lida", preferredName: "Lida", gender: "female" },
  { legalName: "Sun Phalla", preferredName: "Phalla", gender: "female" },
  { legalName: "Sim Kosal", preferredName: "Kosal", gender: "male" },
  { legalName: "Pich Navy", preferredName: "Navy", gender: "female" },
  { legalName: "Men Vicheka", preferredName: "Cheka", gender: "female" },
  { legalName: "Kong Mealea", preferredName: "Mealea", gender: "female" },
  { legalName: "Nget Sopheap", preferredName: "Pheap", gender: "female" },
  { legalName: "Pov Ratanak", preferredName: "Nak", gender: "male" },
  { legalName: "Doung Sreyka", preferredName: "Srey Ka", gender: "female" },
  { legalName: "Rin Monika", preferredName: "Nika", gender: "female" },
  { legalName: "Eng Chantrea", preferredName: "Trea", gender: "female" },
  { legalName: "Sao Kimly", preferredName: "Kimly", gender: "female" },
  { legalName: "Yem Samnang", preferredName: "Samnang", gender: "male" },
  { legalName: "Suon Bunnary", preferredName: "Bunnary", gender: "female" },
  { legalName: "Hok Sreymao", preferredName: "Srey Mao", gender: "female" },
  { legalName: "Choeun Sophorn", preferredName: "Phorn", gender: "female" },
  { legalName: "Ngin Sovanna", preferredName: "Vanna", gender: "female" },
];

/** Display names of the demo's staff and trainer accounts, by username. */
export const STAFF_AND_TRAINER_NAMES = {
  admin: "Keo Sophanna",
  staff: "Lay Chanmony",
  "staff-sr": "Bun Chanrithy",
  trainer: "Ouch Sreypich",
  "trainer-parkway2": "Tan Kimheang",
  "trainer-apsara": "Sok Chanlina",
  "trainer-boddhi": "Heng Vannak",
  "trainer-la-residence": "Sreng Bopharath",
  "trainer-blue-pumpkin": "Lim Sothy",
  "trainer-hagar-catering": "Phal Sokunthy",
  "trainer-hagar-office": "Chum Sreypeou",
  "trainer-so-nutritious": "Ek Sovannara",
  "trainer-gech": "Kao Channy",
  "trainer-svakum": "Sour Pheakdey",
  "trainer-sr": "Mok Sreyoun",
} as const;
