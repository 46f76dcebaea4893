-- QA frameworks as data (MoE 2561 basic and early childhood, ONESQA rounds …), loaded from JSON files.
create table qa_framework (
  code varchar(60) primary key,
  name_th varchar(300) not null,
  name_en varchar(300) not null,
  education_level varchar(20) not null,
  purpose varchar(20) not null,
  effective_from integer not null,
  effective_to integer,
  source_json text not null,
  loaded_at timestamp not null
);

create table qa_level (
  framework_code varchar(60) not null references qa_framework (code),
  level_value varchar(10) not null,
  position integer not null,
  name_th varchar(100) not null,
  name_en varchar(100) not null,
  primary key (framework_code, level_value)
);

create table qa_standard (
  framework_code varchar(60) not null references qa_framework (code),
  code varchar(20) not null,
  parent_code varchar(20),
  position integer not null,
  name_th varchar(500) not null,
  name_en varchar(500) not null,
  primary key (framework_code, code)
);
