-- One DistrictQaCycle per district and academic year: the primary key makes a second start impossible,
-- even when two people press "start" at the same moment on two nodes.
create table district_cycle (
  district_code varchar(10) not null,
  academic_year integer not null,
  process_instance_id varchar(64) not null,
  started_at timestamp not null,
  started_by varchar(64) not null,
  primary key (district_code, academic_year)
);
