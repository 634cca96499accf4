-- Derived facts kept up to date by triggers, in the same transaction as the records they
-- summarise (docs/decisions/0016): current levels and first sign-offs per placement × competency,
-- and per placement × week figures for the reports. Then a backfill from the existing records.
--
-- How an education afternoon counts, as `classifyAfternoon` in app/domain/reports.ts (a test
-- checks the two agree): the trainer's latest word (released / refused), whether the apprentice
-- reached class (the education staff's latest attended / missed, else the apprentice's own
-- confirmation, or the day's attendance recorded as `education`), and the day's current
-- attendance record. Not counted: no word, not at class, and absent, on leave or on holiday.
CREATE VIEW `afternoon_facts` AS
SELECT afternoon_id, placement_id, date, week_of, bit,
  CASE WHEN word IS NULL AND at_class = 0 AND coalesce(status IN ('absent', 'leave', 'holiday'), 0) THEN 0 ELSE 1 END AS counted,
  CASE WHEN word = 'released' OR (word IS NULL AND at_class = 1) THEN 1 ELSE 0 END AS released,
  at_class AS attended
FROM (
  SELECT afternoon_id, placement_id, date, week_of, bit, word, status,
    CASE WHEN coalesce(outcome = 'attended', 0) OR coalesce(status = 'education', 0) THEN 1 ELSE 0 END AS at_class
  FROM (
    SELECT f.id AS afternoon_id, f.placement_id, f.date,
      date(f.date, '-' || ((cast(strftime('%w', f.date) as integer) + 6) % 7) || ' days') AS week_of,
      1 << ((cast(strftime('%w', f.date) as integer) + 6) % 7) AS bit,
      (SELECT e.kind FROM education_events e WHERE e.afternoon_id = f.id AND e.kind IN ('released', 'refused') ORDER BY e.id DESC LIMIT 1) AS word,
      coalesce(
        (SELECT e.kind FROM education_events e WHERE e.afternoon_id = f.id AND e.kind IN ('attended', 'missed') ORDER BY e.id DESC LIMIT 1),
        CASE WHEN EXISTS (SELECT 1 FROM education_events e WHERE e.afternoon_id = f.id AND e.kind = 'confirmed_by_apprentice') THEN 'attended' END
      ) AS outcome,
      (SELECT t.status FROM attendance t WHERE t.placement_id = f.placement_id AND t.date = f.date ORDER BY t.id DESC LIMIT 1) AS status
    FROM education_afternoons f
  )
);
--> statement-breakpoint
CREATE TRIGGER `education_afternoons_facts` AFTER INSERT ON `education_afternoons`
BEGIN
  INSERT INTO placement_weeks (placement_id, week_of, site_id)
  VALUES (NEW.placement_id, date(NEW.date, '-' || ((cast(strftime('%w', NEW.date) as integer) + 6) % 7) || ' days'), coalesce((select e.site_id from placements p join employers e on e.id = p.employer_id where p.id = NEW.placement_id), 0))
  ON CONFLICT (placement_id, week_of) DO NOTHING;
  UPDATE placement_weeks SET
    afternoons_agreed_mask = (afternoons_agreed_mask & ~x.bit) | (x.counted * x.bit),
    afternoons_released_mask = (afternoons_released_mask & ~x.bit) | (x.released * x.bit),
    afternoons_attended_mask = (afternoons_attended_mask & ~x.bit) | (x.attended * x.bit)
  FROM (SELECT * FROM afternoon_facts WHERE afternoon_id = NEW.id) AS x
  WHERE placement_weeks.placement_id = x.placement_id AND placement_weeks.week_of = x.week_of;
END;
--> statement-breakpoint
CREATE TRIGGER `education_events_facts` AFTER INSERT ON `education_events`
BEGIN
  UPDATE placement_weeks SET
    afternoons_agreed_mask = (afternoons_agreed_mask & ~x.bit) | (x.counted * x.bit),
    afternoons_released_mask = (afternoons_released_mask & ~x.bit) | (x.released * x.bit),
    afternoons_attended_mask = (afternoons_attended_mask & ~x.bit) | (x.attended * x.bit)
  FROM (SELECT * FROM afternoon_facts WHERE afternoon_id = NEW.afternoon_id) AS x
  WHERE placement_weeks.placement_id = x.placement_id AND placement_weeks.week_of = x.week_of;
END;
--> statement-breakpoint
CREATE TRIGGER `attendance_facts` AFTER INSERT ON `attendance`
BEGIN
  INSERT INTO placement_weeks (placement_id, week_of, site_id)
  VALUES (NEW.placement_id, date(NEW.date, '-' || ((cast(strftime('%w', NEW.date) as integer) + 6) % 7) || ' days'), coalesce((select e.site_id from placements p join employers e on e.id = p.employer_id where p.id = NEW.placement_id), 0))
  ON CONFLICT (placement_id, week_of) DO NOTHING;
  -- The day's current record is the latest: this one takes the day's 7 bits.
  UPDATE placement_weeks SET
    attendance_days = (attendance_days & ~(127 << (7 * ((cast(strftime('%w', NEW.date) as integer) + 6) % 7)))) | (((CASE NEW.status WHEN 'present' THEN 1 WHEN 'late' THEN 2 WHEN 'absent' THEN 3 WHEN 'education' THEN 4 WHEN 'holiday' THEN 5 WHEN 'leave' THEN 6 ELSE 0 END) | ((CASE NEW.absence_reason WHEN 'transport' THEN 1 WHEN 'family' THEN 2 WHEN 'illness' THEN 3 WHEN 'childcare' THEN 4 WHEN 'misunderstood_time' THEN 5 WHEN 'other' THEN 6 ELSE 0 END) << 3) | (CASE WHEN NEW.note IS NOT NULL AND trim(NEW.note) <> '' THEN 64 ELSE 0 END)) << (7 * ((cast(strftime('%w', NEW.date) as integer) + 6) % 7)))
  WHERE placement_id = NEW.placement_id AND week_of = date(NEW.date, '-' || ((cast(strftime('%w', NEW.date) as integer) + 6) % 7) || ' days');
  UPDATE placement_weeks SET
    afternoons_agreed_mask = (afternoons_agreed_mask & ~x.bit) | (x.counted * x.bit),
    afternoons_released_mask = (afternoons_released_mask & ~x.bit) | (x.released * x.bit),
    afternoons_attended_mask = (afternoons_attended_mask & ~x.bit) | (x.attended * x.bit)
  FROM (SELECT * FROM afternoon_facts WHERE placement_id = NEW.placement_id AND date = NEW.date) AS x
  WHERE placement_weeks.placement_id = x.placement_id AND placement_weeks.week_of = x.week_of;
END;
--> statement-breakpoint
CREATE TRIGGER `weekly_reviews_facts` AFTER INSERT ON `weekly_reviews`
BEGIN
  INSERT INTO placement_weeks (placement_id, week_of, site_id, reviews, first_review_at)
  VALUES (NEW.placement_id, NEW.week_of, coalesce((select e.site_id from placements p join employers e on e.id = p.employer_id where p.id = NEW.placement_id), 0), 1, NEW.submitted_at)
  ON CONFLICT (placement_id, week_of) DO UPDATE SET
    reviews = reviews + 1,
    first_review_at = CASE WHEN first_review_at IS NULL OR excluded.first_review_at < first_review_at THEN excluded.first_review_at ELSE first_review_at END;
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_facts` AFTER INSERT ON `assessments` WHEN NEW.supersedes_id IS NULL
BEGIN
  UPDATE placement_weeks SET signoffs = signoffs - 1
  WHERE NEW.level = 'independent' AND placement_id = NEW.placement_id AND week_of = (
    SELECT date(l.independent_on, '-' || ((cast(strftime('%w', l.independent_on) as integer) + 6) % 7) || ' days') FROM competency_levels l
    WHERE l.placement_id = NEW.placement_id AND l.competency_id = NEW.competency_id AND l.independent_on > NEW.observed_on);
  INSERT INTO competency_levels (placement_id, competency_id, site_id, assessment_id, level, observed_on, independent_id, independent_on, independent_by)
  VALUES (NEW.placement_id, NEW.competency_id, coalesce((select e.site_id from placements p join employers e on e.id = p.employer_id where p.id = NEW.placement_id), 0), NEW.id, NEW.level, NEW.observed_on,
          CASE WHEN NEW.level = 'independent' THEN NEW.id END,
          CASE WHEN NEW.level = 'independent' THEN NEW.observed_on END,
          CASE WHEN NEW.level = 'independent' THEN NEW.trainer_user_id END)
  ON CONFLICT (placement_id, competency_id) DO UPDATE SET
    assessment_id = CASE WHEN excluded.observed_on >= observed_on THEN excluded.assessment_id ELSE assessment_id END,
    level = CASE WHEN excluded.observed_on >= observed_on THEN excluded.level ELSE level END,
    observed_on = CASE WHEN excluded.observed_on >= observed_on THEN excluded.observed_on ELSE observed_on END,
    independent_id = CASE WHEN excluded.independent_id IS NOT NULL AND (independent_on IS NULL OR excluded.independent_on < independent_on)
                          THEN excluded.independent_id ELSE independent_id END,
    independent_by = CASE WHEN excluded.independent_id IS NOT NULL AND (independent_on IS NULL OR excluded.independent_on < independent_on)
                          THEN excluded.independent_by ELSE independent_by END,
    independent_on = CASE WHEN excluded.independent_id IS NOT NULL AND (independent_on IS NULL OR excluded.independent_on < independent_on)
                          THEN excluded.independent_on ELSE independent_on END;
  INSERT INTO placement_weeks (placement_id, week_of, site_id, signoffs)
  SELECT NEW.placement_id, date(NEW.observed_on, '-' || ((cast(strftime('%w', NEW.observed_on) as integer) + 6) % 7) || ' days'), l.site_id, 1 FROM competency_levels l
  WHERE l.placement_id = NEW.placement_id AND l.competency_id = NEW.competency_id AND l.independent_id = NEW.id
  ON CONFLICT (placement_id, week_of) DO UPDATE SET signoffs = signoffs + 1;
END;
--> statement-breakpoint
-- A correction: work the competency's facts out again from its records (and those of the
-- competency of the record it supersedes, should that differ). Corrections are rare.
CREATE TRIGGER `assessments_correction_facts` AFTER INSERT ON `assessments` WHEN NEW.supersedes_id IS NOT NULL
BEGIN
  UPDATE placement_weeks SET signoffs = signoffs - 1
  WHERE placement_id = NEW.placement_id AND week_of = (
    SELECT date(l.independent_on, '-' || ((cast(strftime('%w', l.independent_on) as integer) + 6) % 7) || ' days') FROM competency_levels l WHERE l.placement_id = NEW.placement_id AND l.competency_id = NEW.competency_id);
  DELETE FROM competency_levels WHERE placement_id = NEW.placement_id AND competency_id = NEW.competency_id;
  INSERT INTO competency_levels (placement_id, competency_id, site_id, assessment_id, level, observed_on, independent_id, independent_on, independent_by)
  SELECT c.placement_id, c.competency_id, coalesce((select e.site_id from placements p join employers e on e.id = p.employer_id where p.id = NEW.placement_id), 0), c.id, c.level, c.observed_on, i.id, i.observed_on, i.trainer_user_id
  FROM (SELECT a.* FROM assessments a WHERE a.placement_id = NEW.placement_id AND a.competency_id = NEW.competency_id AND not exists (select 1 from assessments s where s.supersedes_id = a.id and s.placement_id = a.placement_id)
        ORDER BY a.observed_on DESC, a.id DESC LIMIT 1) AS c
  LEFT JOIN (SELECT b.* FROM assessments b WHERE b.placement_id = NEW.placement_id AND b.competency_id = NEW.competency_id AND b.level = 'independent'
               AND not exists (select 1 from assessments s where s.supersedes_id = b.id and s.placement_id = b.placement_id) ORDER BY b.observed_on, b.id LIMIT 1) AS i ON 1
  WHERE 1;
  INSERT INTO placement_weeks (placement_id, week_of, site_id, signoffs)
  SELECT l.placement_id, date(l.independent_on, '-' || ((cast(strftime('%w', l.independent_on) as integer) + 6) % 7) || ' days'), l.site_id, 1 FROM competency_levels l
  WHERE l.placement_id = NEW.placement_id AND l.competency_id = NEW.competency_id AND l.independent_on IS NOT NULL
  ON CONFLICT (placement_id, week_of) DO UPDATE SET signoffs = signoffs + 1;
  UPDATE placement_weeks SET signoffs = signoffs - 1
  WHERE placement_id = NEW.placement_id AND week_of = (
    SELECT date(l.independent_on, '-' || ((cast(strftime('%w', l.independent_on) as integer) + 6) % 7) || ' days') FROM competency_levels l WHERE l.placement_id = NEW.placement_id AND l.competency_id = (SELECT s.competency_id FROM assessments s WHERE s.id = NEW.supersedes_id AND s.placement_id = NEW.placement_id));
  DELETE FROM competency_levels WHERE placement_id = NEW.placement_id AND competency_id = (SELECT s.competency_id FROM assessments s WHERE s.id = NEW.supersedes_id AND s.placement_id = NEW.placement_id);
  INSERT INTO competency_levels (placement_id, competency_id, site_id, assessment_id, level, observed_on, independent_id, independent_on, independent_by)
  SELECT c.placement_id, c.competency_id, coalesce((select e.site_id from placements p join employers e on e.id = p.employer_id where p.id = NEW.placement_id), 0), c.id, c.level, c.observed_on, i.id, i.observed_on, i.trainer_user_id
  FROM (SELECT a.* FROM assessments a WHERE a.placement_id = NEW.placement_id AND a.competency_id = (SELECT s.competency_id FROM assessments s WHERE s.id = NEW.supersedes_id AND s.placement_id = NEW.placement_id) AND not exists (select 1 from assessments s where s.supersedes_id = a.id and s.placement_id = a.placement_id)
        ORDER BY a.observed_on DESC, a.id DESC LIMIT 1) AS c
  LEFT JOIN (SELECT b.* FROM assessments b WHERE b.placement_id = NEW.placement_id AND b.competency_id = (SELECT s.competency_id FROM assessments s WHERE s.id = NEW.supersedes_id AND s.placement_id = NEW.placement_id) AND b.level = 'independent'
               AND not exists (select 1 from assessments s where s.supersedes_id = b.id and s.placement_id = b.placement_id) ORDER BY b.observed_on, b.id LIMIT 1) AS i ON 1
  WHERE 1;
  INSERT INTO placement_weeks (placement_id, week_of, site_id, signoffs)
  SELECT l.placement_id, date(l.independent_on, '-' || ((cast(strftime('%w', l.independent_on) as integer) + 6) % 7) || ' days'), l.site_id, 1 FROM competency_levels l
  WHERE l.placement_id = NEW.placement_id AND l.competency_id = (SELECT s.competency_id FROM assessments s WHERE s.id = NEW.supersedes_id AND s.placement_id = NEW.placement_id) AND l.independent_on IS NOT NULL
  ON CONFLICT (placement_id, week_of) DO UPDATE SET signoffs = signoffs + 1;
END;
--> statement-breakpoint
INSERT INTO competency_levels (placement_id, competency_id, site_id, assessment_id, level, observed_on, independent_id, independent_on, independent_by)
SELECT c.placement_id, c.competency_id, e.site_id, c.id, c.level, c.observed_on, i.id, i.observed_on, i.trainer_user_id
FROM (SELECT a.id, a.placement_id, a.competency_id, a.level, a.observed_on,
             row_number() OVER (PARTITION BY a.placement_id, a.competency_id ORDER BY a.observed_on DESC, a.id DESC) AS rn
      FROM assessments a WHERE not exists (select 1 from assessments s where s.supersedes_id = a.id and s.placement_id = a.placement_id)) AS c
LEFT JOIN (SELECT b.id, b.placement_id, b.competency_id, b.observed_on, b.trainer_user_id,
                  row_number() OVER (PARTITION BY b.placement_id, b.competency_id ORDER BY b.observed_on, b.id) AS rn
           FROM assessments b WHERE b.level = 'independent' AND not exists (select 1 from assessments s where s.supersedes_id = b.id and s.placement_id = b.placement_id)) AS i
  ON i.placement_id = c.placement_id AND i.competency_id = c.competency_id AND i.rn = 1
JOIN placements p ON p.id = c.placement_id
JOIN employers e ON e.id = p.employer_id
WHERE c.rn = 1;
--> statement-breakpoint
INSERT INTO placement_weeks (placement_id, week_of, site_id, reviews, first_review_at)
SELECT r.placement_id, r.week_of, e.site_id, count(*), min(r.submitted_at)
FROM weekly_reviews r JOIN placements p ON p.id = r.placement_id JOIN employers e ON e.id = p.employer_id
GROUP BY r.placement_id, r.week_of;
--> statement-breakpoint
INSERT INTO placement_weeks (placement_id, week_of, site_id, signoffs)
SELECT placement_id, date(independent_on, '-' || ((cast(strftime('%w', independent_on) as integer) + 6) % 7) || ' days'), site_id, count(*) FROM competency_levels
WHERE independent_on IS NOT NULL
GROUP BY placement_id, date(independent_on, '-' || ((cast(strftime('%w', independent_on) as integer) + 6) % 7) || ' days')
ON CONFLICT (placement_id, week_of) DO UPDATE SET signoffs = excluded.signoffs;
--> statement-breakpoint
INSERT INTO placement_weeks (placement_id, week_of, site_id, attendance_days)
SELECT d.placement_id, date(d.date, '-' || ((cast(strftime('%w', d.date) as integer) + 6) % 7) || ' days'), e.site_id, sum(((CASE d.status WHEN 'present' THEN 1 WHEN 'late' THEN 2 WHEN 'absent' THEN 3 WHEN 'education' THEN 4 WHEN 'holiday' THEN 5 WHEN 'leave' THEN 6 ELSE 0 END) | ((CASE d.absence_reason WHEN 'transport' THEN 1 WHEN 'family' THEN 2 WHEN 'illness' THEN 3 WHEN 'childcare' THEN 4 WHEN 'misunderstood_time' THEN 5 WHEN 'other' THEN 6 ELSE 0 END) << 3) | (CASE WHEN d.note IS NOT NULL AND trim(d.note) <> '' THEN 64 ELSE 0 END)) << (7 * ((cast(strftime('%w', d.date) as integer) + 6) % 7)))
FROM (SELECT placement_id, date, status, absence_reason, note, max(id) AS id FROM attendance GROUP BY placement_id, date) AS d
JOIN placements p ON p.id = d.placement_id JOIN employers e ON e.id = p.employer_id
WHERE 1
GROUP BY d.placement_id, date(d.date, '-' || ((cast(strftime('%w', d.date) as integer) + 6) % 7) || ' days')
ON CONFLICT (placement_id, week_of) DO UPDATE SET attendance_days = excluded.attendance_days;
--> statement-breakpoint
INSERT INTO placement_weeks (placement_id, week_of, site_id, afternoons_agreed_mask, afternoons_released_mask, afternoons_attended_mask)
SELECT x.placement_id, x.week_of, e.site_id, sum(x.counted * x.bit), sum(x.released * x.bit), sum(x.attended * x.bit)
FROM afternoon_facts x JOIN placements p ON p.id = x.placement_id JOIN employers e ON e.id = p.employer_id
WHERE 1
GROUP BY x.placement_id, x.week_of
ON CONFLICT (placement_id, week_of) DO UPDATE SET
  afternoons_agreed_mask = excluded.afternoons_agreed_mask,
  afternoons_released_mask = excluded.afternoons_released_mask,
  afternoons_attended_mask = excluded.afternoons_attended_mask;
