-- A supervision project may serve a school group (โครงการนิเทศกลุ่ม, issue 14 §4): the cluster it
-- is for, shown on /groups/{cluster} and on the supervision plan. Null: a project of the district.
alter table supervision_project add column cluster_code varchar(20);
create index supervision_project_cluster on supervision_project (cluster_code);
