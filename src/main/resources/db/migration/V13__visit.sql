-- District visit rounds (visit module). A round is numbered within its district and academic year; it may
-- be launched for one cluster, then for others or the whole district, and only adds schools it lacks.
create table visit_round (
  district_code varchar(10) not null,
  academic_year integer not null,
  round_no integer not null,
  created_at timestamp not null,
  created_by varchar(64) not null,
  primary key (district_code, academic_year, round_no)
);

-- One DistrictVisit per school and round: the primary key makes a second start impossible, even when two
-- people launch the same round at the same moment on two nodes.
create table school_visit (
  school_code char(10) not null,
  academic_year integer not null,
  round_no integer not null,
  district_code varchar(10) not null,
  cluster_code varchar(40),
  process_instance_id varchar(64) not null,
  launched_at timestamp not null,
  launched_by varchar(64) not null,
  primary key (school_code, academic_year, round_no)
);

create index school_visit_round on school_visit (district_code, academic_year, round_no);
