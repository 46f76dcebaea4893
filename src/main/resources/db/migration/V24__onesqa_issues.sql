-- The issues stakeholders want ONESQA to assess (issue 13 §6, seed 001 L129): the district keeps a
-- register per academic year and sends it with the SARs. Portable between H2 2.x and PostgreSQL.
create table onesqa_issue (
  id varchar(36) primary key,
  district_code varchar(10) not null,
  academic_year integer not null,
  stakeholder varchar(20) not null,
  standard_code varchar(40),
  issue varchar(2000) not null,
  recorded_by varchar(64) not null,
  recorded_at timestamp not null
);
create index onesqa_issue_year on onesqa_issue (district_code, academic_year);
