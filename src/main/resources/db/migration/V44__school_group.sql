-- School groups (กลุ่มโรงเรียน / สหวิทยาเขต, issue 14 §4): a group's committee is a committee of kind GROUP
-- tied to its cluster; its members are the directors of the cluster's schools, with an elected chair
-- (CHAIR) and vice-chair (VICE_CHAIR). One group committee per cluster.
alter table committee add column cluster_code varchar(20);
create unique index committee_cluster on committee (cluster_code);

-- A school group's year (GroupYear): its development plan, drafted by the chair and approved by the cluster's
-- supervisor (PLANNING → APPROVED → ASSESSED), and the chair's assessment of each member school at the year's end.
create table school_group_year (
  cluster_code varchar(20) not null,
  academic_year int not null,
  process_instance_id varchar(64),
  status varchar(10) not null,
  plan_goals varchar(4000),
  plan_projects varchar(4000),
  approved_by varchar(64),
  approved_at timestamp,
  started_at timestamp not null,
  started_by varchar(64) not null,
  constraint school_group_year_pk primary key (cluster_code, academic_year)
);

create table school_group_assessment (
  cluster_code varchar(20) not null,
  academic_year int not null,
  school_code varchar(10) not null,
  quality_level int not null,
  note varchar(2000),
  assessed_by varchar(64) not null,
  assessed_at timestamp not null,
  constraint school_group_assessment_pk primary key (cluster_code, academic_year, school_code),
  constraint school_group_assessment_level check (quality_level between 1 and 5)
);
