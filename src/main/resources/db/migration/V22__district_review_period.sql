-- The district's review period of a submitted SAR, in working days (issue 13: the "15 working days" is the
-- district's own setting, not a rule of the seeds). A district without a row uses
-- qaflow.district.review-working-days (15).
create table district_review_period (
  district_code        varchar(10)  not null,
  working_days         integer      not null,
  updated_at           timestamp    not null,
  updated_by           varchar(100) not null,
  constraint district_review_period_pk primary key (district_code),
  constraint district_review_period_days_ck check (working_days between 1 and 60)
);
