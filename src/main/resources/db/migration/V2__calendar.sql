-- A district's own dates for a stage of an academic year (BE); stages without a row use the defaults.
create table stage_deadline (
  district_code varchar(10) not null,
  academic_year integer not null,
  stage varchar(40) not null,
  opens_on date not null,
  due_on date not null,
  primary key (district_code, academic_year, stage),
  constraint stage_deadline_order check (opens_on <= due_on)
);
