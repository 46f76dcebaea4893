-- TUMHOME drive (issue 14 §6): the mentoring's visit round (DistrictVisit, launched for the schools
-- that signed the MOU) and the evaluation's result of each MOU school per 4Q area (level 1-5), with
-- the ranking QA Flow computes from them (mean of the levels; equal means share a rank) and the
-- honours (the top three ranks).
alter table tumhome_drive add column mentoring_round_no integer;

create table tumhome_result (
  drive_id    bigint not null references tumhome_drive (id),
  school_code varchar(10) not null,
  area_code   varchar(10) not null,
  level       integer not null,
  constraint tumhome_result_pk primary key (drive_id, school_code, area_code),
  constraint tumhome_result_level check (level between 1 and 5)
);

create table tumhome_ranking (
  drive_id    bigint not null references tumhome_drive (id),
  school_code varchar(10) not null,
  mean_level  numeric(4, 2) not null,
  rank_no     integer not null,
  honoured    boolean not null,
  constraint tumhome_ranking_pk primary key (drive_id, school_code)
);
