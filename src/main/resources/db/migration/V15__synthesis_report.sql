-- The district's SAR synthesis as published after the supervision-unit director approved it: the
-- officer's narrative, who approved it and when, and the summary as it was then (JSON snapshot), so the
-- public page never changes when cycles move on. One report per district and year; a new approval
-- replaces it.
create table synthesis_report (
  district_code varchar(20) not null,
  academic_year integer not null,
  overview text,
  strengths text,
  weaknesses text,
  recommendations text,
  approved_by varchar(64) not null,
  approved_at timestamp not null,
  published_at timestamp not null,
  summary_json text not null,
  primary key (district_code, academic_year)
);
