import type { EmployerSector } from "~/domain/enums";

/**
 * Seed competency frameworks for the Career Pathways apprenticeship programme.
 *
 * Each competency is an observable skill that a workplace trainer signs off on the graded
 * levels (not_yet → with_help → supervised → independent). `expectedByWeek` is the placement
 * week by which a typical apprentice does it independently. Khmer text is kept in plain words,
 * since many apprentices read at about Grade 4 level.
 */

export interface CompetencySeed {
  code: string; // e.g. "HAIR-1.2" — unique within the framework
  titleEn: string; // short, ≤ 60 chars, an observable skill: "Shampoo and condition hair"
  titleKm: string;
  criteriaEn: string; // performance criteria: 1–2 sentences of what the trainer must see
  criteriaKm: string;
  expectedByWeek: number; // placement week by which a typical apprentice does it independently (1..typicalWeeks)
}

export interface UnitSeed {
  code: string;
  titleEn: string;
  titleKm: string;
  competencies: CompetencySeed[];
}

export interface FrameworkSeed {
  code: string;
  tradeEn: string;
  tradeKm: string;
  sector: EmployerSector;
  typicalWeeks: number;
  units: UnitSeed[];
}

export const FRAMEWORKS: readonly FrameworkSeed[] = [
  // ---------------------------------------------------------------------------------------------
  // 1. Hairdressing & beauty
  // ---------------------------------------------------------------------------------------------
  {
    code: "HAIR",
    tradeEn: "Hairdressing & beauty",
    tradeKm: "កាត់សក់ និងសម្ផស្ស",
    sector: "beauty",
    typicalWeeks: 24,
    units: [
      {
        code: "HAIR-1",
        titleEn: "Salon hygiene and client care",
        titleKm: "អនាម័យហាង និងការបម្រើភ្ញៀវ",
        competencies: [
          {
            code: "HAIR-1.1",
            titleEn: "Clean and disinfect tools and workstation",
            titleKm: "សម្អាត និងសម្លាប់មេរោគឧបករណ៍ និងកន្លែងធ្វើការ",
            criteriaEn:
              "Washes combs, brushes and scissors after every client, soaks them in disinfectant for the set time, and wipes the chair and counter. Uses a fresh towel for each client.",
            criteriaKm: "លាងប្រដាប់សិតសក់ ច្រាស និងកន្ត្រៃ ក្រោយភ្ញៀវម្នាក់ៗ ត្រាំក្នុងទឹកថ្នាំសម្លាប់មេរោគតាមពេលកំណត់ ហើយជូតកៅអី និងតុ។ ប្រើកន្សែងស្អាតថ្មីសម្រាប់ភ្ញៀវម្នាក់ៗ។",
            expectedByWeek: 2,
          },
          {
            code: "HAIR-1.2",
            titleEn: "Greet clients and book appointments",
            titleKm: "ស្វាគមន៍ភ្ញៀវ និងកត់ការណាត់ជួប",
            criteriaEn:
              "Greets each client with a smile and a sampeah, offers a seat and water, and writes bookings in the appointment book with name, phone number, service and time.",
            criteriaKm: "ស្វាគមន៍ភ្ញៀវម្នាក់ៗ ដោយញញឹម និងសំពះ អញ្ជើញអង្គុយ និងជូនទឹក។ កត់ការណាត់ក្នុងសៀវភៅ មានឈ្មោះ លេខទូរសព្ទ សេវា និងម៉ោង។",
            expectedByWeek: 3,
          },
          {
            code: "HAIR-1.3",
            titleEn: "Gown and protect the client before a service",
            titleKm: "ពាក់អាវការពារ និងកន្សែងឲ្យភ្ញៀវ មុនធ្វើសេវា",
            criteriaEn:
              "Puts a clean gown and towel on the client so clothes and skin stay dry and clean, checks the client is comfortable, and sets the chair to the right height.",
            criteriaKm: "ពាក់អាវការពារ និងកន្សែងស្អាតឲ្យភ្ញៀវ ដើម្បីកុំឲ្យសើម ឬប្រឡាក់សម្លៀកបំពាក់ និងស្បែក។ សួរភ្ញៀវថាស្រួលឬទេ ហើយកែកម្ពស់កៅអីឲ្យល្មម។",
            expectedByWeek: 3,
          },
          {
            code: "HAIR-1.4",
            titleEn: "Ask the client about the style they want",
            titleKm: "សួរភ្ញៀវពីម៉ូដសក់ដែលចង់បាន",
            criteriaEn:
              "Asks what the client wants, looks at the hair and scalp, shows photos if needed, and repeats the agreed style and price before starting.",
            criteriaKm: "សួរភ្ញៀវថាចង់បានម៉ូដអ្វី ពិនិត្យសក់ និងស្បែកក្បាល ហើយបង្ហាញរូបភាពបើចាំបាច់។ និយាយបញ្ជាក់ម៉ូដ និងតម្លៃម្តងទៀត មុនចាប់ផ្តើមធ្វើ។",
            expectedByWeek: 8,
          },
        ],
      },
      {
        code: "HAIR-2",
        titleEn: "Shampoo and basic cutting",
        titleKm: "កក់សក់ និងការកាត់សក់មូលដ្ឋាន",
        competencies: [
          {
            code: "HAIR-2.1",
            titleEn: "Shampoo and condition hair",
            titleKm: "កក់សក់ និងលាបក្រែមបន្ទន់សក់",
            criteriaEn:
              "Checks the water temperature with the client, shampoos and massages the scalp with the fingertips, rinses until no soap is left, and puts conditioner on the lengths.",
            criteriaKm: "សួរភ្ញៀវថាទឹកក្តៅល្មមឬទេ កក់សក់ និងម៉ាស្សាស្បែកក្បាលដោយចុងម្រាមដៃ លាងឲ្យអស់សាប៊ូ ហើយលាបក្រែមបន្ទន់សក់ពីពាក់កណ្តាលដល់ចុងសក់។",
            expectedByWeek: 4,
          },
          {
            code: "HAIR-2.2",
            titleEn: "Blow-dry and finish straight hair",
            titleKm: "ផ្លុំសក់ឲ្យត្រង់ និងរលោង",
            criteriaEn:
              "Sections the hair and blow-dries it smooth with a round brush, keeping the dryer moving and away from the scalp. The finished hair is dry, smooth and even.",
            criteriaKm: "ចែកសក់ជាផ្នែកៗ ផ្លុំសក់ជាមួយច្រាសមូលឲ្យរលោង ដោយរំកិលម៉ាស៊ីនផ្លុំជានិច្ច និងមិនដាក់ជិតស្បែកក្បាលពេក។ សក់ស្ងួតល្អ រលោង និងស្មើ។",
            expectedByWeek: 8,
          },
          {
            code: "HAIR-2.3",
            titleEn: "Cut a one-length style",
            titleKm: "កាត់សក់ស្មើមួយកម្រិត",
            criteriaEn:
              "Sections cleanly, keeps even tension and a straight guideline, and cuts a one-length shape that is level on both sides when checked in the mirror.",
            criteriaKm: "ចែកសក់ឲ្យស្អាត ទាញសក់តឹងស្មើៗ និងកាត់តាមបន្ទាត់គំរូឲ្យត្រង់។ ពេលមើលក្នុងកញ្ចក់ សក់ទាំងសងខាងស្មើគ្នា។",
            expectedByWeek: 12,
          },
          {
            code: "HAIR-2.4",
            titleEn: "Do a short men's cut with clippers",
            titleKm: "កាត់សក់បុរសខ្លី ដោយប្រើម៉ាស៊ីនកាត់សក់",
            criteriaEn:
              "Chooses the right clipper length, cuts the sides and back evenly, blends them into the top with scissors, and shaves the neckline clean.",
            criteriaKm: "ជ្រើសកម្រិតខ្លីវែងរបស់ម៉ាស៊ីនឲ្យត្រូវ កាត់ចំហៀង និងខាងក្រោយឲ្យស្មើ ហើយប្រើកន្ត្រៃភ្ជាប់ទៅសក់ខាងលើឲ្យរលូន។ កោរសក់នៅកឲ្យស្អាត។",
            expectedByWeek: 14,
          },
          {
            code: "HAIR-2.5",
            titleEn: "Cut a layered style",
            titleKm: "កាត់សក់ជាស្រទាប់",
            criteriaEn: "Follows a guide section to cut even layers, cross-checks the cut, and finishes a style that matches what the client agreed.",
            criteriaKm: "កាត់សក់ជាស្រទាប់ឲ្យស្មើ ដោយយកសក់គំរូជាគោល ហើយពិនិត្យផ្ទៀងម្តងទៀត។ ម៉ូដចុងក្រោយដូចដែលបានព្រមព្រៀងជាមួយភ្ញៀវ។",
            expectedByWeek: 17,
          },
        ],
      },
      {
        code: "HAIR-3",
        titleEn: "Colouring and hair treatments",
        titleKm: "ការជ្រលក់ពណ៌សក់ និងការបំប៉នសក់",
        competencies: [
          {
            code: "HAIR-3.1",
            titleEn: "Handle and store hair chemicals safely",
            titleKm: "ប្រើ និងទុកថ្នាំគីមីសក់ឲ្យមានសុវត្ថិភាព",
            criteriaEn:
              "Wears gloves, reads the label, keeps lids closed, and stores colour, bleach and perm products in their place away from heat. Knows what to do if a chemical gets in the eyes.",
            criteriaKm: "ពាក់ស្រោមដៃ អានស្លាក បិទគម្របឲ្យជិត ហើយទុកថ្នាំជ្រលក់ ថ្នាំដកពណ៌ និងថ្នាំអ៊ុតសក់ នៅកន្លែងរបស់វា ឆ្ងាយពីកម្តៅ។ ដឹងថាត្រូវធ្វើអ្វី បើថ្នាំចូលភ្នែក។",
            expectedByWeek: 6,
          },
          {
            code: "HAIR-3.2",
            titleEn: "Give a conditioning treatment",
            titleKm: "ធ្វើការបំប៉នសក់",
            criteriaEn: "Chooses a treatment for the hair type, applies it evenly, leaves it on with heat or steam for the set time, and rinses well.",
            criteriaKm: "ជ្រើសថ្នាំបំប៉នឲ្យត្រូវនឹងប្រភេទសក់ លាបឲ្យស្មើ ចំហុយ ឬដាក់កម្តៅតាមពេលកំណត់ ហើយលាងឲ្យស្អាត។",
            expectedByWeek: 9,
          },
          {
            code: "HAIR-3.3",
            titleEn: "Do a skin test before colouring",
            titleKm: "សាកថ្នាំលើស្បែក មុនជ្រលក់ពណ៌សក់",
            criteriaEn:
              "Puts a little colour behind the ear 48 hours before the service, checks for redness or itching, and writes the result on the client card.",
            criteriaKm: "លាបថ្នាំបន្តិចនៅក្រោយត្រចៀក ៤៨ ម៉ោងមុនជ្រលក់ ពិនិត្យមើលថាឡើងក្រហម ឬរមាស់ឬទេ ហើយកត់លទ្ធផលក្នុងកាតភ្ញៀវ។",
            expectedByWeek: 10,
          },
          {
            code: "HAIR-3.4",
            titleEn: "Apply full-head colour",
            titleKm: "ជ្រលក់ពណ៌សក់ពេញក្បាល",
            criteriaEn:
              "Mixes colour and developer in the right amounts, applies root to tip in neat sections without staining the skin, times it, and rinses. The colour is even.",
            criteriaKm: "លាយថ្នាំពណ៌ និងទឹកលាយតាមកម្រិតត្រឹមត្រូវ លាបពីគល់ដល់ចុងសក់ជាផ្នែកៗឲ្យស្អាត មិនឲ្យប្រឡាក់ស្បែក។ រង់ចាំតាមម៉ោង ហើយលាងចេញ។ ពណ៌ស្មើល្អ។",
            expectedByWeek: 16,
          },
          {
            code: "HAIR-3.5",
            titleEn: "Straighten or perm hair with chemicals",
            titleKm: "អ៊ុតសក់ត្រង់ ឬអ៊ុតសក់រួញ",
            criteriaEn:
              "Protects the scalp, applies the lotions in the right order, checks the hair often, and neutralises and rinses on time so the hair is not damaged.",
            criteriaKm: "ការពារស្បែកក្បាល លាបថ្នាំអ៊ុតតាមលំដាប់ ពិនិត្យសក់ញឹកញាប់ ហើយលាបថ្នាំទីពីរ និងលាងចេញទាន់ពេល ដើម្បីកុំឲ្យខូចសក់។",
            expectedByWeek: 22,
          },
        ],
      },
      {
        code: "HAIR-4",
        titleEn: "Nails, facials and make-up basics",
        titleKm: "ធ្វើក្រចក ធ្វើមុខ និងផាត់មុខមូលដ្ឋាន",
        competencies: [
          {
            code: "HAIR-4.1",
            titleEn: "Give a manicure and polish fingernails",
            titleKm: "ធ្វើក្រចកដៃ និងលាបពណ៌ក្រចក",
            criteriaEn:
              "Soaks and cleans the hands, shapes the nails, pushes back cuticles without cutting the skin, and paints two thin, even coats with clean edges.",
            criteriaKm: "ត្រាំ និងសម្អាតដៃ កាត់ និងដុសក្រចកឲ្យមានរាងល្អ រុញស្បែកគល់ក្រចកថយក្រោយ ដោយមិនឲ្យរបួស។ លាបពណ៌ពីរស្រទាប់ស្តើងៗ ស្មើ និងស្អាតជុំវិញគែម។",
            expectedByWeek: 10,
          },
          {
            code: "HAIR-4.2",
            titleEn: "Give a pedicure",
            titleKm: "ធ្វើក្រចកជើង",
            criteriaEn:
              "Uses a cleaned foot bowl, scrubs rough skin gently, cuts toenails straight across and polishes neatly. Does not work on sore or swollen skin and suggests a doctor.",
            criteriaKm: "ប្រើអាងត្រាំជើងដែលសម្អាតរួច ដុសស្បែករឹងថ្នមៗ កាត់ក្រចកជើងត្រង់ៗ និងលាបពណ៌ឲ្យស្អាត។ មិនធ្វើលើស្បែកដែលមានដំបៅ ឬហើម ហើយណែនាំភ្ញៀវឲ្យទៅជួបគ្រូពេទ្យ។",
            expectedByWeek: 12,
          },
          {
            code: "HAIR-4.3",
            titleEn: "Shape eyebrows",
            titleKm: "កែរាងចិញ្ចើម",
            criteriaEn:
              "Agrees the shape with the client, removes hair cleanly with thread, wax or tweezers, leaves both brows even, and soothes the skin afterwards.",
            criteriaKm: "ព្រមព្រៀងរាងចិញ្ចើមជាមួយភ្ញៀវ ដករោមដោយខ្សែអំបោះ ក្រមួន ឬដង្កាប់ឲ្យស្អាត ឲ្យចិញ្ចើមទាំងសងខាងស្មើគ្នា។ លាបក្រែមបន្ធូរស្បែកក្រោយធ្វើរួច។",
            expectedByWeek: 15,
          },
          {
            code: "HAIR-4.4",
            titleEn: "Give a basic facial",
            titleKm: "ធ្វើមុខមូលដ្ឋាន",
            criteriaEn: "Cleanses, scrubs, steams, and applies a mask and moisturiser that suit the skin type, using clean hands and tools and a gentle touch.",
            criteriaKm: "លាងសម្អាតមុខ ដុសស្បែកងាប់ ចំហុយ ម៉ាស់មុខ និងលាបក្រែមសំណើម ឲ្យត្រូវនឹងប្រភេទស្បែក ដោយប្រើដៃ និងឧបករណ៍ស្អាត ហើយធ្វើថ្នមៗ។",
            expectedByWeek: 18,
          },
          {
            code: "HAIR-4.5",
            titleEn: "Apply day and party make-up",
            titleKm: "ផាត់មុខសម្រាប់ពេលថ្ងៃ និងពិធីជប់លៀង",
            criteriaEn:
              "Prepares the skin, matches the foundation to the skin colour, and does eyes, brows and lips to suit the client and the event. Cleans the brushes after use.",
            criteriaKm: "រៀបចំស្បែកមុខ ជ្រើសក្រែមផាត់ផ្ទៃមុខឲ្យត្រូវពណ៌ស្បែក ហើយផាត់ភ្នែក ចិញ្ចើម និងបបូរមាត់ឲ្យសមនឹងភ្ញៀវ និងកម្មវិធី។ លាងជក់ក្រោយប្រើរួច។",
            expectedByWeek: 21,
          },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 2. Housekeeping (short course)
  // ---------------------------------------------------------------------------------------------
  {
    code: "HSK",
    tradeEn: "Housekeeping",
    tradeKm: "សេវាសម្អាត និងរៀបចំបន្ទប់",
    sector: "cleaning",
    typicalWeeks: 6,
    units: [
      {
        code: "HSK-1",
        titleEn: "Safety and guest privacy",
        titleKm: "សុវត្ថិភាព និងភាពឯកជនរបស់ភ្ញៀវ",
        competencies: [
          {
            code: "HSK-1.1",
            titleEn: "Use cleaning chemicals safely",
            titleKm: "ប្រើទឹកថ្នាំសម្អាតឲ្យមានសុវត្ថិភាព",
            criteriaEn:
              "Reads the label colour and picture, wears gloves, mixes with water only as shown, and never mixes two chemicals. Keeps bottles closed and labelled on the trolley.",
            criteriaKm: "មើលពណ៌ និងរូបលើស្លាក ពាក់ស្រោមដៃ លាយជាមួយទឹកតាមកម្រិតដែលគេបង្ហាញ ហើយមិនលាយទឹកថ្នាំពីរមុខចូលគ្នាដាច់ខាត។ បិទដបឲ្យជិត និងមានស្លាកជានិច្ចនៅលើរទេះ។",
            expectedByWeek: 1,
          },
          {
            code: "HSK-1.2",
            titleEn: "Enter guest rooms with respect for privacy",
            titleKm: "ចូលបន្ទប់ភ្ញៀវដោយគោរពភាពឯកជន",
            criteriaEn:
              "Never enters when the Do Not Disturb sign is out. Knocks three times, says who they are, waits, and does not touch or read guests' belongings or papers.",
            criteriaKm: "មិនចូលបន្ទប់ដែលព្យួរស្លាក «សូមកុំរំខាន»។ គោះទ្វារបីដង ប្រាប់ថាជាបុគ្គលិកសម្អាតបន្ទប់ រង់ចាំ ហើយមិនប៉ះ ឬអានរបស់របរ និងឯកសាររបស់ភ្ញៀវ។",
            expectedByWeek: 2,
          },
          {
            code: "HSK-1.3",
            titleEn: "Report lost property and room faults",
            titleKm: "រាយការណ៍របស់ភ្ញៀវភ្លេចទុក និងរបស់ខូចក្នុងបន្ទប់",
            criteriaEn:
              "Hands any item left by a guest to the supervisor in the same shift with the room number and time, and reports broken items, leaks or pests straight away.",
            criteriaKm: "ប្រគល់របស់ដែលភ្ញៀវភ្លេចទុក ទៅប្រធានផ្នែកក្នុងវេនដដែល ដោយប្រាប់លេខបន្ទប់ និងម៉ោង។ រាយការណ៍ភ្លាមៗ ពីរបស់ខូច ទឹកលេច ឬសត្វល្អិត និងកណ្តុរ។",
            expectedByWeek: 3,
          },
        ],
      },
      {
        code: "HSK-2",
        titleEn: "Linen and bed making",
        titleKm: "ក្រណាត់បន្ទប់ និងការរៀបគ្រែ",
        competencies: [
          {
            code: "HSK-2.1",
            titleEn: "Sort and count used linen",
            titleKm: "ញែក និងរាប់ក្រណាត់ដែលប្រើរួច",
            criteriaEn:
              "Strips beds without shaking the linen, puts stained items aside, counts sheets, pillowcases and towels, and writes the numbers on the laundry list.",
            criteriaKm: "ដកកម្រាលពូកចេញ ដោយមិនរលាស់ ញែករបស់ដែលប្រឡាក់ទុកដោយឡែក រាប់កម្រាលពូក ស្រោមខ្នើយ និងកន្សែង ហើយកត់ចំនួនក្នុងបញ្ជីបោកអ៊ុត។",
            expectedByWeek: 2,
          },
          {
            code: "HSK-2.2",
            titleEn: "Fold and store clean linen",
            titleKm: "បត់ និងរៀបទុកក្រណាត់ស្អាត",
            criteriaEn: "Folds sheets and towels the hotel way, stacks them by size on clean shelves, and puts new stock behind old stock.",
            criteriaKm: "បត់កម្រាលពូក និងកន្សែងតាមរបៀបរបស់សណ្ឋាគារ រៀបតាមទំហំលើធ្នើស្អាត ហើយដាក់របស់ថ្មីនៅខាងក្រោយរបស់ចាស់។",
            expectedByWeek: 2,
          },
          {
            code: "HSK-2.3",
            titleEn: "Make a bed to hotel standard",
            titleKm: "រៀបគ្រែតាមស្តង់ដារសណ្ឋាគារ",
            criteriaEn:
              "Uses clean linen, makes tight square corners, puts the duvet and pillows on straight, and finishes one bed in the time the hotel sets.",
            criteriaKm: "ប្រើកម្រាលពូកស្អាត បត់ជ្រុងឲ្យតឹង និងកែងល្អ ដាក់ភួយ និងខ្នើយឲ្យត្រង់ ហើយរៀបគ្រែមួយរួចក្នុងពេលដែលសណ្ឋាគារកំណត់។",
            expectedByWeek: 3,
          },
        ],
      },
      {
        code: "HSK-3",
        titleEn: "Room and bathroom cleaning",
        titleKm: "ការសម្អាតបន្ទប់គេង និងបន្ទប់ទឹក",
        competencies: [
          {
            code: "HSK-3.1",
            titleEn: "Prepare and stock the housekeeping trolley",
            titleKm: "រៀបចំរទេះសម្អាតឲ្យមានរបស់គ្រប់",
            criteriaEn:
              "Loads linen, guest supplies, cloths and chemicals in the right places, keeps clean and dirty items apart, and is ready before the shift starts.",
            criteriaKm: "ដាក់ក្រណាត់បន្ទប់ របស់ប្រើប្រាស់សម្រាប់ភ្ញៀវ ក្រណាត់ជូត និងទឹកថ្នាំ ឲ្យត្រូវកន្លែង ញែករបស់ស្អាត និងរបស់កខ្វក់ដាច់ពីគ្នា ហើយរួចរាល់មុនចាប់ផ្តើមវេន។",
            expectedByWeek: 3,
          },
          {
            code: "HSK-3.2",
            titleEn: "Clean and dust the bedroom in order",
            titleKm: "សម្អាត និងជូតធូលីបន្ទប់គេងតាមលំដាប់",
            criteriaEn: "Airs the room, empties bins, dusts from high to low, vacuums or mops from the far corner to the door, and leaves no dust or hair.",
            criteriaKm: "បើកបង្អួចឲ្យខ្យល់ចេញចូល ចាក់សំរាម ជូតធូលីពីខាងលើចុះក្រោម បូមធូលី ឬជូតឥដ្ឋពីជ្រុងខាងក្នុងមកទ្វារ ហើយមិនឲ្យសល់ធូលី ឬសក់។",
            expectedByWeek: 4,
          },
          {
            code: "HSK-3.3",
            titleEn: "Clean and disinfect the bathroom",
            titleKm: "សម្អាត និងសម្លាប់មេរោគបន្ទប់ទឹក",
            criteriaEn:
              "Uses different coloured cloths for the toilet and for the sink, cleans toilet, shower, sink and mirror, and leaves the bathroom dry, shining and smelling clean.",
            criteriaKm: "ប្រើក្រណាត់ជូតពណ៌ផ្សេងគ្នា សម្រាប់បង្គន់ និងសម្រាប់អាងលាងដៃ។ លាងបង្គន់ ផ្កាឈូក អាងលាងដៃ និងកញ្ចក់ ហើយទុកបន្ទប់ទឹកឲ្យស្ងួត ភ្លឺ និងមានក្លិនស្អាត។",
            expectedByWeek: 5,
          },
          {
            code: "HSK-3.4",
            titleEn: "Restock supplies and check the finished room",
            titleKm: "បំពេញរបស់ប្រើប្រាស់ និងពិនិត្យបន្ទប់ចុងក្រោយ",
            criteriaEn:
              "Puts out soap, shampoo, drinking water, tissues and towels to the set number, checks lights and air-conditioning, and the room passes the supervisor's checklist.",
            criteriaKm: "ដាក់សាប៊ូ សាប៊ូកក់សក់ ទឹកបរិសុទ្ធ ក្រដាសអនាម័យ និងកន្សែង តាមចំនួនកំណត់ ពិនិត្យភ្លើង និងម៉ាស៊ីនត្រជាក់ ហើយបន្ទប់ត្រូវតាមបញ្ជីត្រួតពិនិត្យរបស់ប្រធានផ្នែក។",
            expectedByWeek: 6,
          },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 3. Food & beverage service
  // ---------------------------------------------------------------------------------------------
  {
    code: "FBS",
    tradeEn: "Food & beverage service",
    tradeKm: "សេវាម្ហូបអាហារ និងភេសជ្ជៈ",
    sector: "hospitality",
    typicalWeeks: 16,
    units: [
      {
        code: "FBS-1",
        titleEn: "Hygiene and getting ready for service",
        titleKm: "អនាម័យ និងការរៀបចំមុនបម្រើភ្ញៀវ",
        competencies: [
          {
            code: "FBS-1.1",
            titleEn: "Keep personal hygiene and a clean uniform",
            titleKm: "រក្សាអនាម័យខ្លួន និងឯកសណ្ឋានឲ្យស្អាត",
            criteriaEn:
              "Comes to work in a clean uniform, with short clean nails and hair tied back, and washes hands with soap before service, after the toilet and after clearing.",
            criteriaKm: "មកធ្វើការដោយពាក់ឯកសណ្ឋានស្អាត ក្រចកខ្លីស្អាត និងចងសក់។ លាងដៃនឹងសាប៊ូ មុនបម្រើភ្ញៀវ ក្រោយចេញពីបង្គន់ និងក្រោយប្រមូលចាន។",
            expectedByWeek: 1,
          },
          {
            code: "FBS-1.2",
            titleEn: "Polish cutlery and glasses",
            titleKm: "ជូតស្លាបព្រា សម កាំបិត និងកែវឲ្យភ្លឺ",
            criteriaEn:
              "Polishes with a clean cloth and hot steam, holds glasses by the stem or base and cutlery by the handle, and takes out any chipped glass.",
            criteriaKm: "ជូតជាមួយក្រណាត់ស្អាត និងចំហាយទឹកក្តៅ កាន់កែវត្រង់ជើង ឬបាត និងកាន់ស្លាបព្រាសមត្រង់ដង។ ដកកែវដែលបែកគែមចេញ។",
            expectedByWeek: 2,
          },
          {
            code: "FBS-1.3",
            titleEn: "Clean and set up the dining area",
            titleKm: "សម្អាត និងរៀបចំកន្លែងញ៉ាំអាហារ",
            criteriaEn: "Wipes tables and chairs, sweeps the floor, fills sauce bottles and napkins, and has the side station ready before opening.",
            criteriaKm: "ជូតតុ និងកៅអី បោសឥដ្ឋ បំពេញដបទឹកត្រី ទឹកស៊ីអ៊ីវ ម្ទេស និងកន្សែងក្រដាស ហើយរៀបតុដាក់សម្ភារឲ្យរួចរាល់ មុនបើកហាង។",
            expectedByWeek: 2,
          },
          {
            code: "FBS-1.4",
            titleEn: "Set tables for breakfast, lunch and dinner",
            titleKm: "រៀបតុសម្រាប់អាហារពេលព្រឹក ថ្ងៃត្រង់ និងល្ងាច",
            criteriaEn: "Lays plates, cutlery, glasses and napkins in the right place and the same way on every table, for each meal the restaurant serves.",
            criteriaKm: "ដាក់ចាន ស្លាបព្រា សម កាំបិត កែវ និងកន្សែងជូតមាត់ ឲ្យត្រូវកន្លែង និងដូចគ្នាគ្រប់តុ សម្រាប់អាហារនីមួយៗដែលហាងលក់។",
            expectedByWeek: 4,
          },
        ],
      },
      {
        code: "FBS-2",
        titleEn: "Greeting guests and taking orders",
        titleKm: "ការស្វាគមន៍ភ្ញៀវ និងការកត់ការកុម្ម៉ង់",
        competencies: [
          {
            code: "FBS-2.1",
            titleEn: "Greet and seat guests",
            titleKm: "ស្វាគមន៍ និងនាំភ្ញៀវទៅអង្គុយ",
            criteriaEn:
              "Greets guests within one minute with a smile, in Khmer or English, asks how many people, leads them to a suitable table and pulls out the chairs.",
            criteriaKm: "ស្វាគមន៍ភ្ញៀវក្នុងរយៈពេលមិនលើសមួយនាទី ដោយញញឹម ជាភាសាខ្មែរ ឬអង់គ្លេស សួរចំនួនមនុស្ស នាំទៅតុដែលសមរម្យ និងទាញកៅអីជូន។",
            expectedByWeek: 4,
          },
          {
            code: "FBS-2.2",
            titleEn: "Present the menu and explain dishes in English",
            titleKm: "ជូនបញ្ជីមុខម្ហូប និងពន្យល់ម្ហូបជាភាសាអង់គ្លេស",
            criteriaEn:
              "Hands menus so the guest can read them easily, says in simple English what is in the main dishes and which are spicy or vegetarian, and suggests drinks.",
            criteriaKm: "ជូនបញ្ជីមុខម្ហូបឲ្យភ្ញៀវបើកអានបានស្រួល ពន្យល់ជាភាសាអង់គ្លេសងាយៗ ថាម្ហូបសំខាន់ៗមានអ្វីខ្លះ មួយណាហឹរ មួយណាគ្មានសាច់ ហើយណែនាំភេសជ្ជៈ។",
            expectedByWeek: 8,
          },
          {
            code: "FBS-2.3",
            titleEn: "Take a food and drink order in English",
            titleKm: "កត់ការកុម្ម៉ង់ម្ហូប និងភេសជ្ជៈជាភាសាអង់គ្លេស",
            criteriaEn:
              "Writes the order with table and seat number, reads it back to the guest in English, and passes it to the kitchen and drinks counter without mistakes.",
            criteriaKm: "កត់ការកុម្ម៉ង់ ដោយដាក់លេខតុ និងលេខកៅអី អានឡើងវិញឲ្យភ្ញៀវស្តាប់ជាភាសាអង់គ្លេស ហើយបញ្ជូនទៅផ្ទះបាយ និងកន្លែងធ្វើភេសជ្ជៈ ដោយគ្មានកំហុស។",
            expectedByWeek: 9,
          },
          {
            code: "FBS-2.4",
            titleEn: "Ask about allergies and special requests",
            titleKm: "សួរពីការមិនត្រូវធាតុ និងសំណូមពរពិសេស",
            criteriaEn:
              "Asks whether anyone is allergic to any food or does not eat certain foods, writes it clearly on the order, and tells the cook in person.",
            criteriaKm: "សួរភ្ញៀវថាមាននរណាមិនត្រូវធាតុនឹងម្ហូបណា ឬមិនញ៉ាំអ្វីខ្លះ កត់ឲ្យច្បាស់លើការកុម្ម៉ង់ ហើយប្រាប់ចុងភៅផ្ទាល់មាត់។",
            expectedByWeek: 10,
          },
        ],
      },
      {
        code: "FBS-3",
        titleEn: "Serving food and drinks",
        titleKm: "ការបម្រើម្ហូប និងភេសជ្ជៈ",
        competencies: [
          {
            code: "FBS-3.1",
            titleEn: "Clear and reset tables",
            titleKm: "ប្រមូលចាន និងរៀបតុឡើងវិញ",
            criteriaEn: "Clears only when everyone at the table has finished, stacks plates safely away from guests, and wipes and resets the table quickly.",
            criteriaKm: "ប្រមូលចាន នៅពេលភ្ញៀវទាំងអស់នៅតុញ៉ាំរួច ត្រួតចានដោយប្រុងប្រយ័ត្ន ឆ្ងាយពីភ្ញៀវ ហើយជូត និងរៀបតុឡើងវិញយ៉ាងរហ័ស។",
            expectedByWeek: 5,
          },
          {
            code: "FBS-3.2",
            titleEn: "Carry and serve plates correctly",
            titleKm: "កាន់ និងលើកម្ហូបជូនភ្ញៀវឲ្យត្រឹមត្រូវ",
            criteriaEn:
              "Carries up to three plates safely, serves each dish to the right guest from the correct side without asking, and says the name of each dish.",
            criteriaKm: "កាន់ចានបានរហូតដល់បីដោយសុវត្ថិភាព លើកម្ហូបជូនភ្ញៀវឲ្យត្រូវមនុស្ស និងតាមខាងត្រឹមត្រូវ ដោយមិនបាច់សួរ ហើយប្រាប់ឈ្មោះម្ហូបនីមួយៗ។",
            expectedByWeek: 6,
          },
          {
            code: "FBS-3.3",
            titleEn: "Make and serve simple drinks",
            titleKm: "ធ្វើ និងបម្រើភេសជ្ជៈងាយៗ",
            criteriaEn:
              "Makes coffee, tea, iced drinks and fresh juice to the house recipe, serves them from the right with a coaster, and keeps the drinks area clean.",
            criteriaKm: "ធ្វើកាហ្វេ តែ ភេសជ្ជៈទឹកកក និងទឹកផ្លែឈើស្រស់ តាមរូបមន្តរបស់ហាង ដាក់ជូនភ្ញៀវពីខាងស្តាំ ជាមួយទ្រនាប់កែវ ហើយរក្សាកន្លែងធ្វើភេសជ្ជៈឲ្យស្អាត។",
            expectedByWeek: 7,
          },
          {
            code: "FBS-3.4",
            titleEn: "Check on guests and handle simple complaints",
            titleKm: "តាមដានភ្ញៀវ និងដោះស្រាយបញ្ហាតូចៗ",
            criteriaEn:
              "Checks the table two minutes after the food arrives, listens to a complaint calmly, says sorry, and fixes it or fetches the supervisor.",
            criteriaKm: "ទៅសួរភ្ញៀវពីរនាទីក្រោយលើកម្ហូបជូន ស្តាប់ការត្អូញត្អែរដោយស្ងប់ស្ងាត់ សុំទោស ហើយដោះស្រាយ ឬហៅប្រធានមកជួយ។",
            expectedByWeek: 13,
          },
        ],
      },
      {
        code: "FBS-4",
        titleEn: "Bills and payment",
        titleKm: "វិក្កយបត្រ និងការគិតលុយ",
        competencies: [
          {
            code: "FBS-4.1",
            titleEn: "Prepare and present the bill",
            titleKm: "រៀបចំ និងជូនវិក្កយបត្រ",
            criteriaEn:
              "Checks every item against the order before printing, gives the bill in a folder to the guest who asked for it, and explains it if asked.",
            criteriaKm: "ពិនិត្យមុខម្ហូបនីមួយៗឲ្យត្រូវនឹងការកុម្ម៉ង់ មុនបោះពុម្ព ដាក់វិក្កយបត្រក្នុងស្រោម ជូនភ្ញៀវដែលសុំ ហើយពន្យល់បើភ្ញៀវសួរ។",
            expectedByWeek: 11,
          },
          {
            code: "FBS-4.2",
            titleEn: "Take cash in dollars and riel and give change",
            titleKm: "ទទួលលុយដុល្លារ និងរៀល ហើយអាប់លុយឲ្យត្រូវ",
            criteriaEn:
              "Counts the cash in front of the guest, uses the day's exchange rate, gives correct change in dollars and riel, and checks for torn or fake notes.",
            criteriaKm: "រាប់លុយនៅមុខភ្ញៀវ ប្រើអត្រាប្តូរប្រាក់ប្រចាំថ្ងៃ អាប់លុយឲ្យត្រូវទាំងដុល្លារ និងរៀល ហើយពិនិត្យមើលក្រដាសប្រាក់ដែលរហែក ឬក្លែងក្លាយ។",
            expectedByWeek: 12,
          },
          {
            code: "FBS-4.3",
            titleEn: "Take card and QR code payments",
            titleKm: "ទទួលការបង់ប្រាក់តាមកាត និងស្កេនកូដ",
            criteriaEn:
              "Shows the QR code or uses the card machine correctly, waits to see the payment confirmed on screen before the guest leaves, and gives the receipt.",
            criteriaKm: "បង្ហាញកូដស្កេនបង់ប្រាក់ ឬប្រើម៉ាស៊ីនកាតឲ្យត្រឹមត្រូវ រង់ចាំមើលសារបញ្ជាក់ថាបានទទួលប្រាក់លើអេក្រង់ មុនភ្ញៀវចាកចេញ ហើយជូនបង្កាន់ដៃ។",
            expectedByWeek: 14,
          },
          {
            code: "FBS-4.4",
            titleEn: "Count and balance cash at the end of a shift",
            titleKm: "រាប់ និងផ្ទៀងផ្ទាត់លុយនៅចុងវេន",
            criteriaEn:
              "Counts the cash drawer with the supervisor, matches it to the sales report, writes down any difference, and signs when handing over the cash.",
            criteriaKm: "រាប់លុយក្នុងថតលុយជាមួយប្រធាន ផ្ទៀងផ្ទាត់ជាមួយរបាយការណ៍លក់ កត់ចំនួនលុយលើស ឬខ្វះ ហើយចុះហត្ថលេខាពេលប្រគល់លុយ។",
            expectedByWeek: 16,
          },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 4. Commercial cookery
  // ---------------------------------------------------------------------------------------------
  {
    code: "COOK",
    tradeEn: "Commercial cookery",
    tradeKm: "ការចម្អិនម្ហូបសម្រាប់ភោជនីយដ្ឋាន",
    sector: "catering",
    typicalWeeks: 24,
    units: [
      {
        code: "COOK-1",
        titleEn: "Food safety, storage and kitchen cleaning",
        titleKm: "សុវត្ថិភាពចំណីអាហារ ការរក្សាទុក និងការសម្អាតផ្ទះបាយ",
        competencies: [
          {
            code: "COOK-1.1",
            titleEn: "Wash hands and wear clean kitchen clothes",
            titleKm: "លាងដៃ និងស្លៀកពាក់សម្រាប់ផ្ទះបាយឲ្យស្អាត",
            criteriaEn:
              "Washes hands with soap for 20 seconds at the right times, wears a clean apron and hair cover with no jewellery, and covers any cut with a blue plaster.",
            criteriaKm: "លាងដៃនឹងសាប៊ូ ២០ វិនាទី តាមពេលត្រឹមត្រូវ ពាក់អាវផាយស្អាត និងមួកគ្របសក់ មិនពាក់គ្រឿងអលង្ការ ហើយបិទមុខរបួសដោយបង់បិទរបួសពណ៌ខៀវ។",
            expectedByWeek: 1,
          },
          {
            code: "COOK-1.2",
            titleEn: "Keep raw and cooked food apart",
            titleKm: "ញែកម្ហូបឆៅ ពីម្ហូបឆ្អិន",
            criteriaEn:
              "Uses the right colour board and knife for raw meat, fish, vegetables and cooked food, and stores raw meat below cooked food in the fridge.",
            criteriaKm: "ប្រើក្តារកាត់ និងកាំបិតតាមពណ៌ សម្រាប់សាច់ឆៅ ត្រី បន្លែ និងម្ហូបឆ្អិន ហើយដាក់សាច់ឆៅនៅជាន់ក្រោម ម្ហូបឆ្អិននៅជាន់លើ ក្នុងទូទឹកកក។",
            expectedByWeek: 2,
          },
          {
            code: "COOK-1.3",
            titleEn: "Clean and sanitise benches and equipment",
            titleKm: "សម្អាត និងសម្លាប់មេរោគតុ និងឧបករណ៍",
            criteriaEn: "Cleans as they work, washes and then sanitises boards, benches and utensils in the right order, and leaves them to air-dry.",
            criteriaKm: "សម្អាតរាល់ពេលធ្វើការ លាងហើយសម្លាប់មេរោគលើក្តារកាត់ តុ និងប្រដាប់ប្រដា តាមលំដាប់ត្រឹមត្រូវ ហើយទុកឲ្យស្ងួតដោយខ្យល់។",
            expectedByWeek: 3,
          },
          {
            code: "COOK-1.4",
            titleEn: "Check and record food temperatures",
            titleKm: "ពិនិត្យ និងកត់ត្រាសីតុណ្ហភាពអាហារ",
            criteriaEn:
              "Uses a probe thermometer, records the fridge (5°C or colder), freezer (-18°C or colder) and cooked food (75°C or hotter) on the daily sheet, and tells the chef when a reading is wrong.",
            criteriaKm:
              "ប្រើទែម៉ូម៉ែត្រចាក់ កត់សីតុណ្ហភាពទូទឹកកក (៥ អង្សា ឬត្រជាក់ជាង) ទូកក (ដក ១៨ អង្សា ឬត្រជាក់ជាង) និងម្ហូបឆ្អិន (៧៥ អង្សា ឬក្តៅជាង) លើក្រដាសប្រចាំថ្ងៃ ហើយប្រាប់មេចុងភៅពេលលេខមិនត្រូវ។",
            expectedByWeek: 5,
          },
          {
            code: "COOK-1.5",
            titleEn: "Receive, label and rotate stock",
            titleKm: "ទទួលទំនិញ បិទស្លាក និងប្រើរបស់ចាស់មុន",
            criteriaEn:
              "Checks deliveries for temperature, damage and dates, labels items with the date received, and puts new stock behind old (first in, first out). Throws away out-of-date food.",
            criteriaKm: "ពិនិត្យទំនិញដែលគេដឹកមក មើលសីតុណ្ហភាព ការខូចខាត និងថ្ងៃផុតកំណត់ បិទស្លាកថ្ងៃទទួល ហើយដាក់របស់ថ្មីនៅក្រោយរបស់ចាស់ (ចូលមុន ប្រើមុន)។ បោះចោលអាហារដែលផុតកំណត់។",
            expectedByWeek: 6,
          },
          {
            code: "COOK-1.6",
            titleEn: "Deep clean the kitchen and manage waste",
            titleKm: "សម្អាតផ្ទះបាយឲ្យហ្មត់ចត់ និងគ្រប់គ្រងសំរាម",
            criteriaEn:
              "Follows the cleaning schedule for stoves, hoods, fridges, drains and floors, separates food waste from recycling, and keeps bins covered so there are no pests.",
            criteriaKm: "សម្អាតចង្ក្រាន ម៉ាស៊ីនបឺតផ្សែង ទូទឹកកក លូ និងឥដ្ឋ តាមតារាងសម្អាត ញែកសំណល់អាហារចេញពីរបស់ដែលអាចលក់ ឬកែច្នៃបាន ហើយគ្របធុងសំរាមជានិច្ច កុំឲ្យមានសត្វល្អិត ឬកណ្តុរ។",
            expectedByWeek: 8,
          },
        ],
      },
      {
        code: "COOK-2",
        titleEn: "Knife skills and preparation",
        titleKm: "ជំនាញប្រើកាំបិត និងការរៀបចំគ្រឿងផ្សំ",
        competencies: [
          {
            code: "COOK-2.1",
            titleEn: "Handle and sharpen knives safely",
            titleKm: "កាន់ និងសំលៀងកាំបិតដោយសុវត្ថិភាព",
            criteriaEn:
              "Holds the food with curled fingers, puts a damp cloth under the board, carries knives pointing down, and sharpens them with a steel or stone.",
            criteriaKm: "កោងម្រាមដៃពេលសង្កត់ម្ហូប ដាក់ក្រណាត់សើមពីក្រោមក្តារកាត់ កាន់កាំបិតឲ្យចុងចុះក្រោមពេលដើរ ហើយសំលៀងនឹងដែកសំលៀង ឬថ្មសំលៀង។",
            expectedByWeek: 3,
          },
          {
            code: "COOK-2.2",
            titleEn: "Cut vegetables in the basic cuts",
            titleKm: "ហាន់បន្លែតាមរបៀបមូលដ្ឋាន",
            criteriaEn: "Slices, dices and cuts thin strips (julienne) of even size at a steady speed, with little waste.",
            criteriaKm: "ហាន់ស្តើងៗ កាត់ជាដុំការ៉េ និងហាន់ជាសរសៃស្តើងៗ ឲ្យមានទំហំស្មើគ្នា ក្នុងល្បឿនល្មម ហើយខាតតិច។",
            expectedByWeek: 7,
          },
          {
            code: "COOK-2.3",
            titleEn: "Prepare the station before service",
            titleKm: "រៀបចំគ្រឿងផ្សំជាមុនសម្រាប់វេន",
            criteriaEn: "Reads the prep list, prepares and labels everything before service starts, and keeps the station tidy and stocked.",
            criteriaKm: "អានបញ្ជីការងាររៀបចំ រៀបចំគ្រឿងផ្សំ និងបិទស្លាកឲ្យរួចរាល់ មុនចាប់ផ្តើមលក់ ហើយរក្សាកន្លែងធ្វើការឲ្យស្អាត និងមានរបស់គ្រប់។",
            expectedByWeek: 9,
          },
          {
            code: "COOK-2.4",
            titleEn: "Prepare meat, chicken and fish",
            titleKm: "រៀបចំសាច់ សាច់មាន់ និងត្រី",
            criteriaEn:
              "Cleans and scales fish, cuts a chicken into pieces, trims and portions meat to the set weight, and puts it in the fridge straight away.",
            criteriaKm: "សម្អាត និងកោសស្រកាត្រី កាត់មាន់ជាដុំៗ ចិតខ្លាញ់ និងកាត់សាច់តាមទម្ងន់កំណត់ ហើយដាក់ក្នុងទូទឹកកកភ្លាម។",
            expectedByWeek: 11,
          },
        ],
      },
      {
        code: "COOK-3",
        titleEn: "Stocks, sauces and soups",
        titleKm: "ទឹកស្ងោរឆ្អឹង ទឹកជ្រលក់ និងសម្ល",
        competencies: [
          {
            code: "COOK-3.1",
            titleEn: "Make a bone stock",
            titleKm: "ស្ងោរទឹកឆ្អឹង",
            criteriaEn:
              "Blanches the bones, simmers them with vegetables without hard boiling, skims off fat and foam, and strains a clear stock. Cools it quickly and stores it labelled.",
            criteriaKm: "ស្ងោរឆ្អឹងលើកទីមួយ ហើយចាក់ទឹកចោល។ ស្ងោរបន្តជាមួយបន្លែលើភ្លើងតិចៗ មិនឲ្យពុះខ្លាំង ស្រង់ខ្លាញ់ និងពពុះចេញ ហើយច្រោះបានទឹកថ្លា។ ធ្វើឲ្យត្រជាក់លឿន ហើយបិទស្លាកទុក។",
            expectedByWeek: 10,
          },
          {
            code: "COOK-3.2",
            titleEn: "Make kroeung paste and Khmer dipping sauces",
            titleKm: "បុកគ្រឿង និងធ្វើទឹកជ្រលក់ខ្មែរ",
            criteriaEn:
              "Pounds or blends yellow and red kroeung to the right texture, and makes dipping sauces such as sweet fish sauce and lime-pepper sauce with a balanced taste.",
            criteriaKm: "បុក ឬកិនគ្រឿងលឿង និងគ្រឿងក្រហម ឲ្យម៉ត់ល្មម ហើយធ្វើទឹកជ្រលក់ ដូចជា ទឹកត្រីផ្អែម និងទឹកម្រេចក្រូចឆ្មា ឲ្យមានរសជាតិល្មម។",
            expectedByWeek: 12,
          },
          {
            code: "COOK-3.3",
            titleEn: "Make a clear soup and a Khmer sour soup",
            titleKm: "ធ្វើស៊ុបថ្លា និងសម្លម្ជូរ",
            criteriaEn: "Makes soups from stock with the vegetables cooked just right, tastes and balances sour, salty and sweet, and serves them hot.",
            criteriaKm: "ធ្វើស៊ុប និងសម្លពីទឹកស្ងោរឆ្អឹង ចម្អិនបន្លែឲ្យឆ្អិនល្មម ភ្លក់ ហើយកែរសជាតិជូរ ប្រៃ ផ្អែមឲ្យល្មម និងដាក់ជូនពេលក្តៅ។",
            expectedByWeek: 14,
          },
          {
            code: "COOK-3.4",
            titleEn: "Make basic western sauces",
            titleKm: "ធ្វើទឹកសូសមូលដ្ឋានបែបលោកខាងលិច",
            criteriaEn: "Makes a white sauce and a tomato sauce that are smooth, with no lumps, of the right thickness and well seasoned.",
            criteriaKm: "ធ្វើទឹកសូសពណ៌ស និងទឹកសូសប៉េងប៉ោះ ឲ្យរលោង គ្មានដុំ ខាប់ល្មម និងមានរសជាតិល្អ។",
            expectedByWeek: 15,
          },
        ],
      },
      {
        code: "COOK-4",
        titleEn: "Khmer and western dishes",
        titleKm: "ម្ហូបខ្មែរ និងម្ហូបលោកខាងលិច",
        competencies: [
          {
            code: "COOK-4.1",
            titleEn: "Cook rice and noodles",
            titleKm: "ដាំបាយ និងស្ងោរមី",
            criteriaEn: "Washes and cooks rice so it is soft but not sticky or hard, and boils noodles just soft enough, in the amount the kitchen needs.",
            criteriaKm: "លាងអង្ករ ហើយដាំបាយឲ្យឆ្អិនល្អ មិនឆៅ មិនស្អិតពេក ស្ងោរមីឲ្យទន់ល្មម តាមបរិមាណដែលផ្ទះបាយត្រូវការ។",
            expectedByWeek: 8,
          },
          {
            code: "COOK-4.2",
            titleEn: "Cook a western breakfast",
            titleKm: "ធ្វើអាហារពេលព្រឹកបែបលោកខាងលិច",
            criteriaEn:
              "Cooks eggs the way the guest ordered (fried, scrambled or omelette), with bacon or sausage and toast, and plates it hot within 10 minutes.",
            criteriaKm: "ចម្អិនពងមាន់តាមការកុម្ម៉ង់របស់ភ្ញៀវ (ពងមាន់ចៀន ពងមាន់កូរ ឬពងមាន់វាយចៀន) ជាមួយសាច់បេកុន ឬសាច់ក្រក និងនំបុ័ងអាំង ហើយរៀបដាក់ចានពេលក្តៅ ក្នុងរយៈពេល ១០ នាទី។",
            expectedByWeek: 11,
          },
          {
            code: "COOK-4.3",
            titleEn: "Cook Khmer stir-fries",
            titleKm: "ឆាម្ហូបខ្មែរ",
            criteriaEn:
              "Stir-fries meat and vegetables on high heat in the right order so meat is cooked and vegetables stay crisp, seasoned to the house recipe, e.g. beef lok lak and morning glory.",
            criteriaKm: "ឆាសាច់ និងបន្លែលើភ្លើងខ្លាំង តាមលំដាប់ត្រឹមត្រូវ ឲ្យសាច់ឆ្អិន និងបន្លែនៅស្រួយ ហើយដាក់គ្រឿងតាមរូបមន្តហាង ដូចជា ឡុកឡាក់សាច់គោ និងឆាត្រកួន។",
            expectedByWeek: 13,
          },
          {
            code: "COOK-4.4",
            titleEn: "Cook grilled meat with vegetables and salad",
            titleKm: "អាំងសាច់ ជាមួយបន្លែ និងសាឡាដ",
            criteriaEn:
              "Grills chicken, pork or beef to the right doneness, checks the inside temperature, and serves it with cooked vegetables and a fresh, clean salad.",
            criteriaKm: "អាំងសាច់មាន់ សាច់ជ្រូក ឬសាច់គោ ឲ្យឆ្អិនតាមកម្រិតដែលភ្ញៀវចង់បាន ពិនិត្យសីតុណ្ហភាពខាងក្នុង ហើយដាក់ជូនជាមួយបន្លែចម្អិន និងសាឡាដស្រស់ស្អាត។",
            expectedByWeek: 17,
          },
          {
            code: "COOK-4.5",
            titleEn: "Cook fish amok and samlor korko",
            titleKm: "ធ្វើអាម៉ុកត្រី និងសម្លកកូរ",
            criteriaEn:
              "Makes kroeung-based dishes to the house recipe with the right texture, colour and taste: amok set and smooth, korko with all vegetables evenly cooked.",
            criteriaKm: "ធ្វើម្ហូបដែលប្រើគ្រឿង តាមរូបមន្តហាង ឲ្យមានសាច់ម្ហូប ពណ៌ និងរសជាតិត្រឹមត្រូវ៖ អាម៉ុកខាប់ល្មម និងរលោង សម្លកកូរមានបន្លែឆ្អិនស្មើគ្នា។",
            expectedByWeek: 19,
          },
          {
            code: "COOK-4.6",
            titleEn: "Cook and plate orders on time in a busy service",
            titleKm: "ចម្អិន និងរៀបម្ហូបដាក់ចានឲ្យទាន់ពេល ពេលភ្ញៀវច្រើន",
            criteriaEn:
              "Works a station through a full lunch or dinner, follows the order tickets in turn, and sends out plates that look like the house photo within the set time.",
            criteriaKm: "ធ្វើការនៅកន្លែងរបស់ខ្លួនពេញមួយវេនថ្ងៃត្រង់ ឬល្ងាច ធ្វើតាមសន្លឹកកុម្ម៉ង់តាមលំដាប់ ហើយបញ្ជូនម្ហូបដែលរៀបដូចរូបគំរូរបស់ហាង ក្នុងពេលកំណត់។",
            expectedByWeek: 23,
          },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 5. Dressmaking
  // ---------------------------------------------------------------------------------------------
  {
    code: "DRESS",
    tradeEn: "Dressmaking",
    tradeKm: "កាត់ដេរសម្លៀកបំពាក់",
    sector: "tailoring",
    typicalWeeks: 26,
    units: [
      {
        code: "DRESS-1",
        titleEn: "Workshop safety and machine care",
        titleKm: "សុវត្ថិភាពក្នុងហាងដេរ និងការថែទាំម៉ាស៊ីន",
        competencies: [
          {
            code: "DRESS-1.1",
            titleEn: "Work safely with needles, scissors and the iron",
            titleKm: "ប្រើម្ជុល កន្ត្រៃ និងឆ្នាំងអ៊ុតដោយសុវត្ថិភាព",
            criteriaEn:
              "Keeps pins in a pin cushion and fingers away from the needle, switches off the iron and machine after use, and keeps cables and the floor clear.",
            criteriaKm: "ដោតម្ជុលខ្ទាស់លើខ្នើយម្ជុល ដាក់ម្រាមដៃឆ្ងាយពីម្ជុលម៉ាស៊ីន បិទឆ្នាំងអ៊ុត និងម៉ាស៊ីនក្រោយប្រើរួច ហើយរៀបខ្សែភ្លើង និងឥដ្ឋឲ្យស្អាត កុំឲ្យជំពប់ជើង។",
            expectedByWeek: 1,
          },
          {
            code: "DRESS-1.2",
            titleEn: "Thread the machine and wind the bobbin",
            titleKm: "ដោតអំបោះម៉ាស៊ីន និងរុំអំបោះក្រោម",
            criteriaEn:
              "Threads the top thread in the correct order, winds the bobbin and puts it in the right way, and brings up the lower thread without help.",
            criteriaKm: "ដោតអំបោះខាងលើតាមលំដាប់ត្រឹមត្រូវ រុំអំបោះក្រោម ហើយដាក់ចូលឲ្យត្រូវទិស ព្រមទាំងទាញអំបោះក្រោមឡើងមកលើ ដោយខ្លួនឯង។",
            expectedByWeek: 2,
          },
          {
            code: "DRESS-1.3",
            titleEn: "Sew straight and curved lines evenly",
            titleKm: "ដេរត្រង់ និងដេរកោងឲ្យស្មើ",
            criteriaEn:
              "Controls the speed with the foot pedal and guides the fabric with both hands to sew straight and curved lines with even stitches, backstitching at each end.",
            criteriaKm: "បញ្ជាល្បឿនដោយឈ្នាន់ជើង និងប្រើដៃទាំងពីរនាំក្រណាត់ ដើម្បីដេរត្រង់ និងដេរកោងឲ្យស្នាមដេរស្មើ ហើយដេរថយក្រោយបន្តិចនៅចុងទាំងពីរ កុំឲ្យរបូត។",
            expectedByWeek: 3,
          },
          {
            code: "DRESS-1.4",
            titleEn: "Clean, oil and look after the sewing machine",
            titleKm: "សម្អាត ដាក់ប្រេង និងថែទាំម៉ាស៊ីនដេរ",
            criteriaEn:
              "Removes lint from around the bobbin, oils the machine where the manual shows, changes a blunt or bent needle, and fixes thread that is too tight or too loose.",
            criteriaKm: "សម្អាតធូលីក្រណាត់នៅកន្លែងអំបោះក្រោម ដាក់ប្រេងតាមកន្លែងដែលសៀវភៅណែនាំបង្ហាញ ប្តូរម្ជុលដែលរិល ឬកោង ហើយកែអំបោះដែលតឹង ឬធូរពេក។",
            expectedByWeek: 5,
          },
        ],
      },
      {
        code: "DRESS-2",
        titleEn: "Measuring, patterns and cutting",
        titleKm: "ការវាស់ខ្លួន ការគូរពុម្ព និងការកាត់ក្រណាត់",
        competencies: [
          {
            code: "DRESS-2.1",
            titleEn: "Take and record body measurements",
            titleKm: "វាស់ខ្លួនភ្ញៀវ និងកត់ទុក",
            criteriaEn:
              "Measures bust, waist, hips, shoulders, sleeve and length with the tape level and not too tight, and writes them on the order card, within 1 cm of the trainer's.",
            criteriaKm: "វាស់ទ្រូង ចង្កេះ ត្រគាក ស្មា ដៃអាវ និងប្រវែងអាវ ដោយដាក់ខ្សែម៉ែត្រឲ្យត្រង់ និងមិនតឹងពេក ហើយកត់លើកាតកុម្ម៉ង់។ លេខវាស់ខុសពីលេខរបស់គ្រូបង្ហាត់មិនលើស ១ សង់ទីម៉ែត្រ។",
            expectedByWeek: 6,
          },
          {
            code: "DRESS-2.2",
            titleEn: "Lay out, pin and cut fabric",
            titleKm: "ក្រាល ខ្ទាស់ និងកាត់ក្រណាត់",
            criteriaEn:
              "Checks the fabric for faults, lays the pattern on the straight grain to use little fabric, pins and marks with chalk, and cuts smoothly on the line.",
            criteriaKm: "ពិនិត្យក្រណាត់មើលស្នាមខូច ដាក់ពុម្ពតាមសរសៃក្រណាត់ឲ្យត្រង់ និងឲ្យប្រើក្រណាត់តិច ខ្ទាស់ម្ជុល និងគូសដីស ហើយកាត់តាមបន្ទាត់ឲ្យរលូន។",
            expectedByWeek: 9,
          },
          {
            code: "DRESS-2.3",
            titleEn: "Draft a basic skirt pattern",
            titleKm: "គូរពុម្ពសំពត់មូលដ្ឋាន",
            criteriaEn:
              "Draws a straight skirt pattern from the client's measurements with seam allowance, darts and notches marked, and it fits when tested in cheap fabric.",
            criteriaKm: "គូរពុម្ពសំពត់ត្រង់ តាមលេខវាស់របស់ភ្ញៀវ ដោយទុកក្រណាត់សម្រាប់ថ្នេរ និងគូសសញ្ញាក្បៀត និងស្នាមចំណាំ។ ពេលសាកដេរលើក្រណាត់ថោក អាចពាក់បានល្មម។",
            expectedByWeek: 10,
          },
          {
            code: "DRESS-2.4",
            titleEn: "Draft a basic blouse pattern",
            titleKm: "គូរពុម្ពអាវស្ត្រីមូលដ្ឋាន",
            criteriaEn:
              "Draws the front, back and sleeve from measurements, checks that the armhole and sleeve match, and the test blouse fits at the bust and shoulders.",
            criteriaKm: "គូរពុម្ពអាវខាងមុខ ខាងក្រោយ និងដៃអាវ តាមលេខវាស់ ពិនិត្យរង្វង់ក្លៀក និងដៃអាវឲ្យត្រូវគ្នា ហើយអាវសាកពាក់ត្រូវល្មមនៅទ្រូង និងស្មា។",
            expectedByWeek: 16,
          },
        ],
      },
      {
        code: "DRESS-3",
        titleEn: "Sewing and finishing",
        titleKm: "ការដេរ និងការបញ្ចប់ឲ្យស្អាត",
        competencies: [
          {
            code: "DRESS-3.1",
            titleEn: "Sew plain seams and neaten raw edges",
            titleKm: "ដេរថ្នេរធម្មតា និងដេរព័ទ្ធគែមក្រណាត់",
            criteriaEn: "Sews seams at the correct width, presses them open, and finishes the raw edges by overlocking or zigzag so they do not fray.",
            criteriaKm: "ដេរថ្នេរតាមទំហំត្រឹមត្រូវ អ៊ុតថ្នេរឲ្យបើកសងខាង ហើយដេរព័ទ្ធគែមក្រណាត់ ដើម្បីកុំឲ្យសរសៃក្រណាត់របូតចេញ។",
            expectedByWeek: 6,
          },
          {
            code: "DRESS-3.2",
            titleEn: "Sew darts",
            titleKm: "ដេរក្បៀត (ផ្នត់ស្រួចចុង)",
            criteriaEn: "Marks and sews darts that narrow smoothly to a point with no puckers, and presses them in the right direction.",
            criteriaKm: "គូសសញ្ញា ហើយដេរក្បៀតឲ្យស្រួចចុងរលូន មិនឲ្យជ្រួញ ហើយអ៊ុតឲ្យផ្អៀងទៅទិសត្រឹមត្រូវ។",
            expectedByWeek: 10,
          },
          {
            code: "DRESS-3.3",
            titleEn: "Sew hems by hand and machine, and press",
            titleKm: "ដេរជាយដោយដៃ និងម៉ាស៊ីន ហើយអ៊ុត",
            criteriaEn: "Turns up an even hem, sews it by machine or with hand stitches that do not show on the front, and presses the garment neatly.",
            criteriaKm: "បត់ជាយឲ្យស្មើ ដេរដោយម៉ាស៊ីន ឬដេរដៃកុំឲ្យឃើញស្នាមនៅខាងមុខ ហើយអ៊ុតសម្លៀកបំពាក់ឲ្យរលោងស្អាត។",
            expectedByWeek: 11,
          },
          {
            code: "DRESS-3.4",
            titleEn: "Sew in a zip",
            titleKm: "ដេរភ្ជាប់ខ្សែរ៉ូត",
            criteriaEn: "Uses the zip foot to sew in a zip that lies flat, straight and even on both sides, and opens and closes smoothly.",
            criteriaKm: "ប្រើជើងសង្កត់សម្រាប់ដេរខ្សែរ៉ូត ដេរខ្សែរ៉ូតឲ្យរាបស្មើ ត្រង់ និងស្មើគ្នាទាំងសងខាង ហើយបើកបិទបានរលូន។",
            expectedByWeek: 13,
          },
          {
            code: "DRESS-3.5",
            titleEn: "Make buttonholes and sew on buttons",
            titleKm: "ធ្វើរន្ធឡេវ និងដេរឡេវ",
            criteriaEn: "Marks buttonholes evenly spaced, sews and cuts them cleanly, and sews buttons on firmly so they line up with the holes.",
            criteriaKm: "គូសចំណាំរន្ធឡេវឲ្យមានចន្លោះស្មើគ្នា ដេរ និងចោះរន្ធឲ្យស្អាត ហើយដេរឡេវឲ្យជាប់មាំ និងត្រូវតម្រង់នឹងរន្ធ។",
            expectedByWeek: 14,
          },
        ],
      },
      {
        code: "DRESS-4",
        titleEn: "Alterations and customer fitting",
        titleKm: "ការកែសម្លៀកបំពាក់ និងការសាកជាមួយភ្ញៀវ",
        competencies: [
          {
            code: "DRESS-4.1",
            titleEn: "Shorten or lengthen trousers and skirts",
            titleKm: "កែខោ និងសំពត់ឲ្យខ្លី ឬវែង",
            criteriaEn:
              "Marks the new length while the customer wears the garment, keeps the original hem style, and both legs or sides end up the same length.",
            criteriaKm: "គូសប្រវែងថ្មី ពេលភ្ញៀវពាក់សាក រក្សារបៀបជាយដូចដើម ហើយជើងខោទាំងពីរ ឬជាយសំពត់សងខាង វែងស្មើគ្នា។",
            expectedByWeek: 12,
          },
          {
            code: "DRESS-4.2",
            titleEn: "Take and record a customer order",
            titleKm: "ទទួលការកុម្ម៉ង់ពីភ្ញៀវ និងកត់ទុក",
            criteriaEn: "Writes the style, fabric, measurements, price, deposit and pick-up date on the order card, and gives the customer a receipt.",
            criteriaKm: "កត់ម៉ូដ ក្រណាត់ លេខវាស់ តម្លៃ ប្រាក់កក់ និងថ្ងៃមកយក លើកាតកុម្ម៉ង់ ហើយឲ្យបង្កាន់ដៃដល់ភ្ញៀវ។",
            expectedByWeek: 15,
          },
          {
            code: "DRESS-4.3",
            titleEn: "Take in or let out a garment",
            titleKm: "បង្រួម ឬពង្រីកសម្លៀកបំពាក់",
            criteriaEn:
              "Unpicks carefully, pins and re-sews the side or centre seams so the garment fits better, keeping its shape and finishing the seams as before.",
            criteriaKm: "រុះថ្នេរដោយប្រុងប្រយ័ត្ន ខ្ទាស់ម្ជុល ហើយដេរថ្នេរចំហៀង ឬថ្នេរកណ្តាលឡើងវិញ ឲ្យពាក់ត្រូវខ្លួនជាងមុន ដោយរក្សារាងដើម និងដេរគែមថ្នេរឲ្យស្អាតដូចមុន។",
            expectedByWeek: 18,
          },
          {
            code: "DRESS-4.4",
            titleEn: "Fit a customer and mark changes",
            titleKm: "ឲ្យភ្ញៀវសាកពាក់ និងគូសកន្លែងត្រូវកែ",
            criteriaEn:
              "Fits the garment politely and with respect for the customer's body, pins and chalks the changes needed, and explains them in simple words.",
            criteriaKm: "ឲ្យភ្ញៀវសាកពាក់ ដោយគួរសម និងគោរពខ្លួនប្រាណភ្ញៀវ ខ្ទាស់ម្ជុល និងគូសដីសកន្លែងត្រូវកែ ហើយពន្យល់ភ្ញៀវដោយពាក្យងាយៗ។",
            expectedByWeek: 22,
          },
          {
            code: "DRESS-4.5",
            titleEn: "Make a complete garment to measure, on time",
            titleKm: "ដេរសម្លៀកបំពាក់មួយចប់ តាមខ្នាតភ្ញៀវ ឲ្យទាន់ពេល",
            criteriaEn:
              "Makes a blouse or dress from measuring to final press, with collar and sleeves set in well, ready by the promised date, and the customer is happy with the fit.",
            criteriaKm: "ដេរអាវ ឬរ៉ូបមួយចប់ ចាប់ពីវាស់ខ្លួនរហូតដល់អ៊ុតចុងក្រោយ ដាក់ក និងដៃអាវបានល្អ រួចរាល់តាមថ្ងៃដែលបានសន្យា ហើយភ្ញៀវពេញចិត្តថាពាក់ត្រូវខ្លួន។",
            expectedByWeek: 26,
          },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 6. Office administration
  // ---------------------------------------------------------------------------------------------
  {
    code: "OFFICE",
    tradeEn: "Office administration",
    tradeKm: "ការងាររដ្ឋបាលការិយាល័យ",
    sector: "office",
    typicalWeeks: 16,
    units: [
      {
        code: "OFFICE-1",
        titleEn: "Reception and telephone",
        titleKm: "ការទទួលភ្ញៀវ និងការប្រើទូរសព្ទ",
        competencies: [
          {
            code: "OFFICE-1.1",
            titleEn: "Greet visitors and keep the visitor book",
            titleKm: "ស្វាគមន៍ភ្ញៀវ និងកត់សៀវភៅភ្ញៀវ",
            criteriaEn:
              "Stands or looks up to greet each visitor, asks who they have come to see, writes name, time and reason in the visitor book, and offers a seat.",
            criteriaKm: "ក្រោកឈរ ឬងើបមុខស្វាគមន៍ភ្ញៀវម្នាក់ៗ សួរថាមកជួបនរណា កត់ឈ្មោះ ម៉ោង និងមូលហេតុក្នុងសៀវភៅភ្ញៀវ ហើយអញ្ជើញអង្គុយ។",
            expectedByWeek: 2,
          },
          {
            code: "OFFICE-1.2",
            titleEn: "Keep information private",
            titleKm: "រក្សាការសម្ងាត់ព័ត៌មាន",
            criteriaEn:
              "Does not share staff or client information, leaves no papers on the desk, locks the screen when away, and asks before giving out anyone's phone number.",
            criteriaKm: "មិនប្រាប់ព័ត៌មានបុគ្គលិក ឬអតិថិជនដល់អ្នកដទៃ មិនទុកឯកសារចោលលើតុ ចាក់សោអេក្រង់កុំព្យូទ័រពេលចាកចេញ ហើយសួរមុននឹងឲ្យលេខទូរសព្ទរបស់នរណាម្នាក់។",
            expectedByWeek: 2,
          },
          {
            code: "OFFICE-1.3",
            titleEn: "Answer and transfer phone calls politely",
            titleKm: "លើកទូរសព្ទ និងបញ្ជូនការហៅដោយគួរសម",
            criteriaEn:
              "Answers within three rings with the company name and own name, in Khmer or English, and transfers the call to the right person without cutting it off.",
            criteriaKm: "លើកទូរសព្ទមុនរោទ៍លើសបីដង ប្រាប់ឈ្មោះក្រុមហ៊ុន និងឈ្មោះខ្លួន ជាភាសាខ្មែរ ឬអង់គ្លេស ហើយបញ្ជូនការហៅទៅអ្នកត្រឹមត្រូវ ដោយមិនឲ្យដាច់។",
            expectedByWeek: 3,
          },
          {
            code: "OFFICE-1.4",
            titleEn: "Take and pass on phone messages",
            titleKm: "កត់សារ និងបញ្ជូនសារទៅអ្នកទទួល",
            criteriaEn:
              "Writes who called, their number, the message and the time, reads the number back to check it, and gives the message to the person the same day.",
            criteriaKm: "កត់ឈ្មោះអ្នកហៅ លេខទូរសព្ទ សារ និងម៉ោង អានលេខឡើងវិញដើម្បីផ្ទៀងផ្ទាត់ ហើយប្រគល់សារដល់អ្នកទទួលក្នុងថ្ងៃដដែល។",
            expectedByWeek: 4,
          },
        ],
      },
      {
        code: "OFFICE-2",
        titleEn: "Documents and filing",
        titleKm: "ឯកសារ និងការរៀបទុកឯកសារ",
        competencies: [
          {
            code: "OFFICE-2.1",
            titleEn: "Photocopy, scan and print documents",
            titleKm: "ថតចម្លង ស្កេន និងបោះពុម្ពឯកសារ",
            criteriaEn: "Copies, scans to a folder and prints the right number of pages, clears a simple paper jam, and does not waste paper.",
            criteriaKm: "ថតចម្លង ស្កេនទុកក្នុងថតឯកសារ និងបោះពុម្ពចំនួនទំព័រឲ្យត្រូវ ដោះក្រដាសដែលជាប់ក្នុងម៉ាស៊ីនបាន ហើយមិនខ្ជះខ្ជាយក្រដាស។",
            expectedByWeek: 4,
          },
          {
            code: "OFFICE-2.2",
            titleEn: "File papers so they can be found quickly",
            titleKm: "រៀបទុកឯកសារឲ្យរកឃើញលឿន",
            criteriaEn:
              "Files papers by date, name or number as the office system says, labels folders clearly, and finds any file the trainer asks for within two minutes.",
            criteriaKm: "រៀបឯកសារតាមកាលបរិច្ឆេទ ឈ្មោះ ឬលេខ តាមរបៀបរបស់ការិយាល័យ បិទស្លាកលើសឺមីឲ្យច្បាស់ ហើយរកឯកសារដែលគ្រូបង្ហាត់សុំឃើញ ក្នុងរយៈពេលពីរនាទី។",
            expectedByWeek: 6,
          },
          {
            code: "OFFICE-2.3",
            titleEn: "Log incoming and outgoing letters",
            titleKm: "កត់ត្រាលិខិតចូល និងលិខិតចេញ",
            criteriaEn:
              "Stamps the date on each letter received, writes it in the letter book with a number, and records letters sent out with the date and receiver.",
            criteriaKm: "បោះត្រាកាលបរិច្ឆេទលើលិខិតដែលទទួលបាន កត់ក្នុងសៀវភៅលិខិតដោយដាក់លេខរៀង ហើយកត់លិខិតដែលផ្ញើចេញ ជាមួយកាលបរិច្ឆេទ និងឈ្មោះអ្នកទទួល។",
            expectedByWeek: 8,
          },
          {
            code: "OFFICE-2.4",
            titleEn: "Keep office supplies stocked",
            titleKm: "ត្រួតពិនិត្យ និងបំពេញសម្ភារការិយាល័យ",
            criteriaEn: "Counts paper, ink and stationery every week, writes a request before anything runs out, and records what was given to whom.",
            criteriaKm: "រាប់ក្រដាស ទឹកខ្មៅ និងសម្ភារការិយាល័យរៀងរាល់សប្តាហ៍ សរសេរសំណើសុំទិញមុនពេលអស់ ហើយកត់ថាបានបើកឲ្យនរណា ចំនួនប៉ុន្មាន។",
            expectedByWeek: 10,
          },
        ],
      },
      {
        code: "OFFICE-3",
        titleEn: "Computer, records and scheduling",
        titleKm: "កុំព្យូទ័រ កំណត់ត្រា និងកាលវិភាគ",
        competencies: [
          {
            code: "OFFICE-3.1",
            titleEn: "Type, save and find documents on the computer",
            titleKm: "វាយអត្ថបទ រក្សាទុក និងរកឯកសារក្នុងកុំព្យូទ័រ",
            criteriaEn:
              "Types a short letter in Khmer or English from a template, saves it with a clear name in the right folder, and can open it again later.",
            criteriaKm: "វាយលិខិតខ្លីជាភាសាខ្មែរ ឬអង់គ្លេស ដោយប្រើគំរូ រក្សាទុកដោយដាក់ឈ្មោះឯកសារឲ្យច្បាស់ ក្នុងថតឯកសារត្រឹមត្រូវ ហើយអាចបើកវាឡើងវិញបាន។",
            expectedByWeek: 6,
          },
          {
            code: "OFFICE-3.2",
            titleEn: "Send and reply to work email",
            titleKm: "ផ្ញើ និងឆ្លើយតបអ៊ីមែលការងារ",
            criteriaEn:
              "Writes a short, polite email with a clear subject, attaches the right file, copies in the right people, and replies within one working day.",
            criteriaKm: "សរសេរអ៊ីមែលខ្លី និងគួរសម មានចំណងជើងច្បាស់ ភ្ជាប់ឯកសារឲ្យត្រូវ ផ្ញើចម្លងទៅអ្នកពាក់ព័ន្ធ ហើយឆ្លើយតបក្នុងរយៈពេលមួយថ្ងៃធ្វើការ។",
            expectedByWeek: 8,
          },
          {
            code: "OFFICE-3.3",
            titleEn: "Enter data accurately in a spreadsheet",
            titleKm: "បញ្ចូលទិន្នន័យក្នុងតារាងឲ្យបានត្រឹមត្រូវ",
            criteriaEn:
              "Enters names, dates and numbers from paper forms into the right columns, checks their own work, and makes fewer than 2 mistakes in 100 entries.",
            criteriaKm: "បញ្ចូលឈ្មោះ កាលបរិច្ឆេទ និងលេខ ពីក្រដាសទម្រង់ ទៅក្នុងជួរឈរត្រឹមត្រូវ ពិនិត្យការងារខ្លួនឯងឡើងវិញ ហើយខុសតិចជាង ២ កន្លែង ក្នុងចំណោម ១០០ កន្លែង។",
            expectedByWeek: 11,
          },
          {
            code: "OFFICE-3.4",
            titleEn: "Keep petty cash records",
            titleKm: "កត់ត្រាលុយចំណាយតូចតាច",
            criteriaEn:
              "Pays out only against a signed request, keeps every receipt, writes each payment in the cash book, and the cash left plus receipts equals the starting amount.",
            criteriaKm: "បើកលុយតែពេលមានសំណើដែលបានចុះហត្ថលេខា រក្សាទុកបង្កាន់ដៃគ្រប់សន្លឹក កត់ការចំណាយនីមួយៗក្នុងសៀវភៅសាច់ប្រាក់ ហើយលុយដែលនៅសល់ បូកនឹងបង្កាន់ដៃ ស្មើនឹងលុយដើម។",
            expectedByWeek: 13,
          },
          {
            code: "OFFICE-3.5",
            titleEn: "Manage a calendar and book meetings",
            titleKm: "គ្រប់គ្រងប្រតិទិន និងរៀបចំការប្រជុំ",
            criteriaEn:
              "Books meetings and appointments with no clashes, books the room, sends reminders the day before, and tells people quickly about any change.",
            criteriaKm: "កំណត់ពេលប្រជុំ និងការណាត់ជួប កុំឲ្យជាន់ម៉ោងគ្នា កក់បន្ទប់ប្រជុំ ផ្ញើសាររំលឹកមួយថ្ងៃមុន ហើយប្រាប់អ្នកពាក់ព័ន្ធភ្លាមៗ ពេលមានការផ្លាស់ប្តូរ។",
            expectedByWeek: 15,
          },
        ],
      },
    ],
  },
];
