-- Visit coverage (coverage module): one row per school and academic year once a DistrictVisit of that
-- school and year has completed (the school acknowledged the approved report). Written in the engine's
-- transaction when the visit's last task completes; filled once from the engine's history at start-up
-- for visits that completed before this table existed (docs/visit-coverage.md).
create table visit_completion (
  school_code varchar(10) not null,
  academic_year int not null,
  district_code varchar(10) not null,
  first_round_no int not null,
  first_process_instance_id varchar(64) not null,
  first_completed_at timestamp not null,
  last_completed_at timestamp not null,
  visits int not null,
  primary key (school_code, academic_year)
);
create index visit_completion_district on visit_completion (district_code, academic_year);
