-- Help for schools below the standard (SchoolAssistance): one row per school and academic year of the
-- synthesis, written with the process instance in one transaction (the key refuses a twin).
create table assistance_case (
  school_code varchar(10) not null,
  academic_year int not null,
  district_code varchar(10) not null,
  process_instance_id varchar(64) not null,
  started_at timestamp not null,
  started_by varchar(64),
  round_no int not null,
  closed_at timestamp,
  primary key (school_code, academic_year)
);
create index assistance_case_district on assistance_case (district_code, academic_year);
