-- A person's saved task-list filters (issue 16 §1): a name and the list's query string, seen only
-- by its owner. Portable between H2 2.x and PostgreSQL.
create table task_saved_filter (
  id varchar(36) primary key,
  user_id varchar(64) not null,
  name varchar(60) not null,
  query varchar(1000) not null,
  saved_at timestamp not null,
  constraint task_saved_filter_name unique (user_id, name)
);
