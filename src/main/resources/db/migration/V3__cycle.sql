-- One school QA cycle per school and academic year: the primary key makes a second start impossible,
-- even when two officers press "start the year" at the same moment on two nodes.
create table school_cycle (
  school_code char(10) not null,
  academic_year integer not null,
  process_instance_id varchar(64) not null,
  started_at timestamp not null,
  started_by varchar(64) not null,
  primary key (school_code, academic_year)
);
