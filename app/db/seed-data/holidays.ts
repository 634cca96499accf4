/**
 * Cambodia's national public holidays (docs/product.md §9): neither absences nor workdays. Both demo
 * sites keep the national list. Fixed-date holidays follow the sub-decree list in force since
 * 2024; the lunar ones (Visak Bochea, the Royal Ploughing Ceremony, Pchum Ben, the Water
 * Festival) are the best-known dates and should be checked against each year's sub-decree.
 * 2025 is included because the completed demo placements ran through it.
 */

export interface HolidaySeed {
  date: string;
  nameEn: string;
  nameKm: string;
}

const NAMES = {
  newYear: ["International New Year's Day", "ទិវាចូលឆ្នាំសកល"],
  victory: ["Victory over Genocide Day", "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍"],
  women: ["International Women's Day", "ទិវានារីអន្តរជាតិ"],
  khmerNewYear: ["Khmer New Year", "ពិធីបុណ្យចូលឆ្នាំថ្មី ប្រពៃណីជាតិ"],
  labour: ["International Labour Day", "ទិវាពលកម្មអន្តរជាតិ"],
  visak: ["Visak Bochea Day", "ពិធីបុណ្យវិសាខបូជា"],
  ploughing: ["Royal Ploughing Ceremony", "ព្រះរាជពិធីច្រត់ព្រះនង្គ័ល"],
  kingBirthday: ["King's Birthday", "ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្ម ព្រះមហាក្សត្រ"],
  queenMother: ["Queen Mother's Birthday", "ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្ម សម្តេចព្រះមហាក្សត្រី"],
  constitution: ["Constitution Day", "ទិវាប្រកាសរដ្ឋធម្មនុញ្ញ"],
  pchumBen: ["Pchum Ben Festival", "ពិធីបុណ្យភ្ជុំបិណ្ឌ"],
  kingFather: ["Commemoration Day of the King Father", "ទិវាប្រារព្ធពិធីគោរពព្រះវិញ្ញាណក្ខន្ធ ព្រះបរមរតនកោដ្ឋ"],
  coronation: ["King's Coronation Day", "ព្រះរាជពិធីគ្រងព្រះបរមរាជសម្បត្តិ"],
  independence: ["Independence Day", "ពិធីបុណ្យឯករាជ្យជាតិ"],
  waterFestival: ["Water Festival", "ព្រះរាជពិធីបុណ្យអុំទូក បណ្តែតប្រទីប និងសំពះព្រះខែ អកអំបុក"],
} as const satisfies Record<string, readonly [string, string]>;

type Key = keyof typeof NAMES;

/** One year's holidays: the fixed dates plus that year's lunar dates. */
function year(
  y: number,
  lunar: { visak: string; ploughing: string; pchumBen: [string, string, string]; waterFestival: [string, string, string] },
): HolidaySeed[] {
  const days: [string, Key][] = [
    [`${y}-01-01`, "newYear"],
    [`${y}-01-07`, "victory"],
    [`${y}-03-08`, "women"],
    [`${y}-04-14`, "khmerNewYear"],
    [`${y}-04-15`, "khmerNewYear"],
    [`${y}-04-16`, "khmerNewYear"],
    [`${y}-05-01`, "labour"],
    [lunar.visak, "visak"],
    [`${y}-05-14`, "kingBirthday"],
    [lunar.ploughing, "ploughing"],
    [`${y}-06-18`, "queenMother"],
    [`${y}-09-24`, "constitution"],
    ...lunar.pchumBen.map((d): [string, Key] => [d, "pchumBen"]),
    [`${y}-10-15`, "kingFather"],
    [`${y}-10-29`, "coronation"],
    [`${y}-11-09`, "independence"],
    ...lunar.waterFestival.map((d): [string, Key] => [d, "waterFestival"]),
  ];
  return days.map(([date, key]) => ({ date, nameEn: NAMES[key][0], nameKm: NAMES[key][1] })).sort((a, b) => a.date.localeCompare(b.date));
}

export const PUBLIC_HOLIDAYS: readonly HolidaySeed[] = [
  ...year(2025, {
    visak: "2025-05-11",
    ploughing: "2025-05-15",
    pchumBen: ["2025-09-21", "2025-09-22", "2025-09-23"],
    waterFestival: ["2025-11-04", "2025-11-05", "2025-11-06"],
  }),
  ...year(2026, {
    visak: "2026-05-31",
    ploughing: "2026-06-04",
    pchumBen: ["2026-10-09", "2026-10-10", "2026-10-11"],
    waterFestival: ["2026-11-23", "2026-11-24", "2026-11-25"],
  }),
  ...year(2027, {
    visak: "2027-05-20",
    ploughing: "2027-05-24",
    pchumBen: ["2027-09-29", "2027-09-30", "2027-10-01"],
    waterFestival: ["2027-11-12", "2027-11-13", "2027-11-14"],
  }),
];
