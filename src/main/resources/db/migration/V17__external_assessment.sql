-- ONESQA external-assessment coordination (module external): one row per school of a district's
-- coordination year, kept up to date by the ExternalAssessment / ExternalAssessmentSchool processes,
-- and the final (and re-assessment) results per ONESQA standard. Portable between H2 2.x and PostgreSQL.
create table external_school (
  district_code varchar(10) not null,
  academic_year integer not null,
  school_code varchar(10) not null,
  declared_readiness varchar(20),
  declared_note varchar(2000),
  declared_by varchar(64),
  declared_at timestamp,
  confirmed_readiness varchar(20),
  supervisor_comment varchar(2000),
  confirmed_by varchar(64),
  confirmed_at timestamp,
  target boolean default false not null,
  sar_year integer,
  sar_version_id varchar(64),
  visit_on date,
  draft_due_on date,
  draft_late boolean default false not null,
  draft_received_on date,
  objections integer default 0 not null,
  reassessments integer default 0 not null,
  status varchar(30) not null,
  process_instance_id varchar(64),
  updated_at timestamp not null,
  primary key (district_code, academic_year, school_code)
);

create table external_result (
  district_code varchar(10) not null,
  academic_year integer not null,
  school_code varchar(10) not null,
  assessment_round integer not null,
  standard_code varchar(40) not null,
  level_value varchar(10) not null,
  met boolean not null,
  recommendations varchar(4000),
  recorded_by varchar(64),
  recorded_at timestamp not null,
  primary key (district_code, academic_year, school_code, assessment_round, standard_code)
);
