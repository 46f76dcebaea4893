-- The district's plan years (DistrictQaPlan): one row per district and academic year, written with the
-- process instance in one transaction (the key refuses a twin), then at each publication.
create table district_plan_year (
  district_code varchar(10) not null,
  academic_year int not null,
  process_instance_id varchar(64) not null,
  started_at timestamp not null,
  started_by varchar(64),
  plan_first_year int,
  plan_last_year int,
  action_plan_published_at timestamp,
  indicators_total int,
  indicators_achieved int,
  report_published_at timestamp,
  primary key (district_code, academic_year)
);
