-- What each person submitted on each task, round by round: the audit trail behind "earlier decisions".
create table task_submission (
  task_id varchar(64) primary key,
  process_instance_id varchar(64) not null,
  task_definition_key varchar(255) not null,
  task_name varchar(255) not null,
  form_id varchar(255),
  stage varchar(40),
  school_code char(10),
  completed_by varchar(64) not null,
  completed_at timestamp not null,
  values_json text not null
);
create index task_submission_process on task_submission (process_instance_id, completed_at);
