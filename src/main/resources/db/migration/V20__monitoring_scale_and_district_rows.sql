-- Monitoring at national scale (docs/benchmarks/monitoring.md) and the district's own work.
-- 1. A district's own tasks (no school) get one row per district, year and stage with the school code
--    'district-' || district_code, so the column is widened (district codes are up to 10 characters).
alter table stage_status alter column school_code set data type varchar(20);
-- 2. The national view and the schools-per-district count read every row of a year grouped by district and
--    stage: one index that holds all the columns they read lets PostgreSQL answer them from the index alone
--    (index-only scan, already grouped in order) instead of scanning the table. It replaces
--    stage_status_district (same leading columns), which the district dashboard keeps using through it.
create index stage_status_year_district on stage_status (academic_year, district_code, stage, state, due_at,
  done_at, school_code);
drop index stage_status_district;
