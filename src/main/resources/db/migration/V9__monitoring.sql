-- The monitoring read model: one row per school, academic year and stage that has been opened, kept in
-- step with the engine in the transaction of each task change (create, assignment, due-date change,
-- completion, deletion). Statuses that depend on the date (due soon, overdue) are derived when read.
create table stage_status (
  school_code varchar(10) not null,
  academic_year integer not null,
  stage varchar(40) not null,
  district_code varchar(10) not null,
  cluster_code varchar(20),
  process_key varchar(100) not null,
  process_instance_id varchar(64) not null,
  task_id varchar(64) not null,
  task_key varchar(255) not null,
  -- OPEN: a task of the stage waits; DONE: its last task was completed
  state varchar(10) not null,
  -- how many times a task of the stage was created; an open stage with round > 1 was returned
  round integer not null,
  returned_from varchar(40),
  due_at timestamp,
  opened_at timestamp not null,
  done_at timestamp,
  done_by varchar(64),
  assignee varchar(64),
  candidate_groups varchar(500),
  updated_at timestamp not null,
  primary key (school_code, academic_year, stage)
);
create index stage_status_district on stage_status (academic_year, district_code, stage, state);
create index stage_status_task on stage_status (task_id);
create index stage_status_process on stage_status (process_instance_id);
