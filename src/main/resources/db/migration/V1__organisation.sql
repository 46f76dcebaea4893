-- Organisation module: districts, clusters, schools, people. Portable between H2 2.x and PostgreSQL.

create table district (
  code    varchar(10)  not null,
  name_th varchar(200) not null,
  name_en varchar(200),
  kind    varchar(10)  not null,
  constraint district_pk primary key (code),
  constraint district_kind_ck check (kind in ('PRIMARY', 'SECONDARY'))
);

create table cluster (
  code          varchar(20)  not null,
  district_code varchar(10)  not null,
  name_th       varchar(200) not null,
  constraint cluster_pk primary key (code),
  constraint cluster_district_fk foreign key (district_code) references district (code)
);
create index cluster_district_ix on cluster (district_code);

create table school (
  code            char(10)     not null,
  smis_code       char(8)      not null,
  name_th         varchar(200) not null,
  name_en         varchar(200),
  district_code   varchar(10)  not null,
  cluster_code    varchar(20),
  early_childhood boolean      not null,
  basic           boolean      not null,
  constraint school_pk primary key (code),
  constraint school_smis_uk unique (smis_code),
  constraint school_district_fk foreign key (district_code) references district (code),
  constraint school_cluster_fk foreign key (cluster_code) references cluster (code),
  constraint school_level_ck check (early_childhood or basic)
);
create index school_district_ix on school (district_code);
create index school_cluster_ix on school (cluster_code);

create table person (
  user_id       varchar(64)  not null,
  first_name    varchar(100) not null,
  last_name     varchar(100) not null,
  email         varchar(254) not null,
  role          varchar(30)  not null,
  district_code varchar(10),
  school_code   char(10),
  language      varchar(5)   default 'th' not null,
  constraint person_pk primary key (user_id),
  constraint person_district_fk foreign key (district_code) references district (code),
  constraint person_school_fk foreign key (school_code) references school (code)
);
create index person_district_ix on person (district_code);
create index person_school_ix on person (school_code);
create index person_email_ix on person (email);

create table supervisor_cluster (
  user_id      varchar(64) not null,
  cluster_code varchar(20) not null,
  constraint supervisor_cluster_pk primary key (user_id, cluster_code),
  constraint supervisor_cluster_person_fk foreign key (user_id) references person (user_id),
  constraint supervisor_cluster_cluster_fk foreign key (cluster_code) references cluster (code)
);
create index supervisor_cluster_cluster_ix on supervisor_cluster (cluster_code);
