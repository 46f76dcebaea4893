-- The district-level monitoring report (monitoringreport module, bpmn/MonitoringReport.bpmn): one row per
-- district and academic year, written with the process instance in one transaction (the key refuses a
-- twin); the texts are copied from the process when the report is published.
create table monitoring_report (
  district_code varchar(10) not null,
  academic_year int not null,
  process_instance_id varchar(64) not null,
  started_at timestamp not null,
  started_by varchar(64),
  collected_at timestamp,
  approved_at timestamp,
  committee_date date,
  committee_note varchar(4000),
  published_at timestamp,
  overview text,
  strengths text,
  improvements text,
  recommendations text,
  school_recommendations text,
  primary key (district_code, academic_year)
);

-- The findings the report is made from: one row per school and standard, from the school's last completed
-- visit of the year (collected when the report starts).
create table monitoring_report_finding (
  district_code varchar(10) not null,
  academic_year int not null,
  school_code varchar(10) not null,
  standard_code varchar(40) not null,
  standard_label varchar(500),
  observed_level varchar(10),
  findings varchar(4000),
  recommendations varchar(4000),
  visit_process_instance_id varchar(64) not null,
  visit_completed_at timestamp not null,
  primary key (district_code, academic_year, school_code, standard_code)
);
create index monitoring_report_finding_school on monitoring_report_finding (school_code, academic_year);
