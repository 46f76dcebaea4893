-- Earlier ONESQA rounds' results per school and standard, imported by the district as a baseline
-- (issue 13 §6): the comparison of internal and external QA shows them beside this round's.
-- Portable between H2 2.x and PostgreSQL.
create table onesqa_baseline (
  district_code varchar(10) not null,
  school_code varchar(10) not null,
  assessment_year integer not null,
  standard_code varchar(40) not null,
  level_value varchar(10) not null,
  round_name varchar(100),
  imported_by varchar(64) not null,
  imported_at timestamp not null,
  primary key (school_code, assessment_year, standard_code)
);
create index onesqa_baseline_district on onesqa_baseline (district_code);
